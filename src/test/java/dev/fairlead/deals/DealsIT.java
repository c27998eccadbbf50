package dev.fairlead.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.idev.excel.FastExcel;
import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.org.Rep;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealsIT {

    @Autowired java.time.Clock clock;

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired LeadService leads;
    @Autowired LeadOwnership ownership;
    @Autowired DealService deals;
    @Autowired AuditTrail audit;
    @LocalServerPort int port;

    OrgFixtures.Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    @Test
    void convertingALeadCreatesCustomerAndDealAndMarksTheLeadConvertedKeepingItsHistory() {
        Lead lead = ownedLead(org.liNa(), "上海明远" + org.n() + "机械有限公司", "120000");

        ApiResponse converted = api.as(org.rep().token()).post("/api/deals/from-lead/" + lead.id(), Map.of("expectedClose", "2030-06-30"));

        assertThat(converted.status()).as(converted.toString()).isEqualTo(201);
        JsonNode deal = converted.tree();
        assertThat(deal.path("amount").path("amount").decimalValue()).isEqualByComparingTo("120000");
        assertThat(deal.path("amount").path("currency").asString()).isEqualTo("CNY");
        assertThat(deal.path("stage").asString()).isEqualTo("contact");
        assertThat(deal.path("probability").asInt()).isEqualTo(10);
        assertThat(deal.path("ownerRepId").asLong()).isEqualTo(org.liNa().id());
        assertThat(deal.path("source").asString()).isEqualTo("WEB_FORM");
        assertThat(deal.path("customerName").asString()).startsWith("上海明远");
        assertThat(leads.getForSystem(lead.id()).status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("lead", lead.id())).items())
                .extracting(e -> e.action()).contains("CREATE", "ASSIGN", "STATUS");
        assertThat(deals.hasOpenDeal(lead.id())).isTrue();

        Lead sameCompany = ownedLead(org.liNa(), "上海明远" + org.n() + "机械", "50000");
        JsonNode second = api.as(org.rep().token()).post("/api/deals/from-lead/" + sameCompany.id(), Map.of()).tree();
        assertThat(second.path("customerId").asLong()).isEqualTo(deal.path("customerId").asLong());
    }

    @Test
    void aDealMovesThroughItsStagesAndWinningRecordsRevenueOnItsDate() {
        long id = createDeal(org.rep().token(), "杭州云帆 CRM", "380000.50");
        String rep = org.rep().token();

        assertThat(api.as(rep).post("/api/deals/" + id + "/stage", Map.of("stage", "needs")).tree().path("probability").asInt()).isEqualTo(30);
        assertThat(api.as(rep).post("/api/deals/" + id + "/stage", Map.of("stage", "proposal", "probability", 60, "reason", "客户要求报价"))
                .tree().path("probability").asInt()).isEqualTo(60);
        JsonNode won = api.as(rep).post("/api/deals/" + id + "/stage", Map.of("stage", "won")).tree();

        assertThat(won.path("stage").asString()).isEqualTo("won");
        assertThat(won.path("wonOn").asString()).isEqualTo(LocalDate.now(clock).toString());
        assertThat(won.path("probability").asInt()).isEqualTo(100);
        assertThat(api.as(rep).get("/api/deals/" + id + "/stages").tree().valueStream().map(v -> v.path("stage").asString()).toList())
                .containsExactly("contact", "needs", "proposal", "won");
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("deal", id)).items())
                .extracting(e -> e.action()).contains("CREATE", "STAGE", "WIN");

        ApiResponse again = api.as(rep).post("/api/deals/" + id + "/stage", Map.of("stage", "lost", "lostReason", "x"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aDealsChangeHistoryWritesMoneyAndDatesAsPeopleDoNotAsJavaMaps() {
        String rep = org.rep().token();
        long id = createDeal(rep, "苏州历史 CRM", "1000");
        int version = api.as(rep).get("/api/deals/" + id).tree().path("version").asInt();
        ApiResponse updated = api.as(rep).put("/api/deals/" + id, Map.of("name", "苏州历史 CRM", "amount", new BigDecimal("2500.50"),
                "currency", "CNY", "expectedClose", "2026-12-31", "version", version));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

        String page = api.as(rep).language("zh-CN").get("/deals/" + id).body();
        String history = page.substring(page.indexOf("audit-entries"));
        assertThat(history).contains("¥1,000.00").contains("¥2,500.50").contains("2026-12-31")
                .doesNotContain("negative").doesNotContain("{amount").doesNotContain("currency=");
    }

    @Test
    void winningAndLosingPublishEventsForOtherModules(ApplicationEvents events) {
        Viewer li = new Viewer(org.rep().user().id(), org.rep().username(), dev.fairlead.common.Role.REP, org.shanghai().id(), org.liNa().id());
        Deal won = deals.create(li, new DealCommand("常州恒力 cloud", null, null, null, new BigDecimal("58000"), null, "proposal", null, null, null));
        Deal lost = deals.create(li, new DealCommand("无锡华光 erp", null, null, null, new BigDecimal("12000"), null, null, null, null, null));
        deals.move(li, won.id(), StageMove.to("won"));
        deals.move(li, lost.id(), new StageMove("lost", null, "选择了竞品", null, null));

        assertThat(events.stream(DealOpened.class).filter(e -> e.dealId() == won.id() || e.dealId() == lost.id())).hasSize(2);
        DealWon dealWon = events.stream(DealWon.class).filter(e -> e.dealId() == won.id()).findFirst().orElseThrow();
        assertThat(dealWon.revenue().amount()).isEqualByComparingTo("58000");
        assertThat(dealWon.repId()).isEqualTo(org.liNa().id());
        assertThat(events.stream(DealLost.class).filter(e -> e.dealId() == lost.id()).findFirst().orElseThrow().reason()).isEqualTo("选择了竞品");
        assertThat(events.stream(DealStageChanged.class).filter(e -> e.dealId() == won.id()).findFirst().orElseThrow().fromStage())
                .isEqualTo("proposal");
    }

    @Test
    void losingNeedsAReasonAndWinningCannotBeDatedInTheFuture() {
        long id = createDeal(org.rep().token(), "苏州精工 ERP", "90000");
        ApiResponse noReason = api.as(org.rep().token()).language("zh-CN").post("/api/deals/" + id + "/stage", Map.of("stage", "lost"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorMessage("lostReason")).isEqualTo("请填写丢单原因");
        ApiResponse future = api.as(org.rep().token()).post("/api/deals/" + id + "/stage",
                Map.of("stage", "won", "wonOn", LocalDate.now(clock).plusDays(3).toString()));
        assertThat(future.errorFields()).containsExactly("wonOn");
        ApiResponse lost = api.as(org.rep().token()).post("/api/deals/" + id + "/stage", Map.of("stage", "lost", "lostReason", "预算被砍"));
        assertThat(lost.tree().path("lostReason").asString()).isEqualTo("预算被砍");
        assertThat(deals.hasOpenDeal(-1)).isFalse();
    }

    @Test
    void dealsFollowTheDataScopeAndFinanceOnlyReads() {
        long id = createDeal(org.rep().token(), "宁波港务 analytics", "66000");
        assertThat(api.as(org.manager().token()).get("/api/deals/" + id).status()).isEqualTo(200);
        assertThat(api.as(org.southManager().token()).get("/api/deals/" + id).status()).isEqualTo(404);
        assertThat(api.as(org.finance().token()).get("/api/deals/" + id).status()).isEqualTo(200);
        assertThat(api.as(org.finance().token()).post("/api/deals/" + id + "/stage", Map.of("stage", "needs")).status()).isEqualTo(403);
        ApiResponse forOther = api.as(org.rep().token()).post("/api/deals",
                Map.of("name", "x", "amount", 1, "ownerRepId", org.huJun().id()));
        assertThat(forOther.errorFields()).containsExactly("ownerRepId");
    }

    @Test
    void aTeamCanHaveItsOwnPipelineAndStagesInUseCannotBeDropped() {
        String manager = org.southManager().token();
        ApiResponse configured = api.as(manager).put("/api/deals/pipeline/" + org.shenzhen().id(), Map.of("stages", List.of(
                Map.of("code", "qualify", "nameEn", "Qualify", "nameZh", "资格确认", "probability", 20),
                Map.of("code", "demo", "nameEn", "Demo", "nameZh", "产品演示", "probability", 45),
                Map.of("code", "contract", "nameEn", "Contract", "nameZh", "合同", "probability", 80)), "reason", "华南流程"));
        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
        assertThat(api.as(manager).get("/api/deals/pipeline?teamId=" + org.shenzhen().id()).tree().path("stages").get(0).path("code").asString())
                .isEqualTo("qualify");
        assertThat(api.as(manager).get("/api/deals/pipeline?teamId=" + org.shanghai().id()).tree().path("stages").get(0).path("code").asString())
                .isEqualTo("contact");

        JsonNode deal = api.as(manager).post("/api/deals", Map.of("name", "深圳华强 cloud", "amount", 150000, "ownerRepId", org.huJun().id())).tree();
        assertThat(deal.path("stage").asString()).isEqualTo("qualify");
        assertThat(deal.path("probability").asInt()).isEqualTo(20);

        ApiResponse dropping = api.as(manager).put("/api/deals/pipeline/" + org.shenzhen().id(), Map.of("stages", List.of(
                Map.of("code", "demo", "nameEn", "Demo", "nameZh", "产品演示", "probability", 45))));
        assertThat(dropping.status()).isEqualTo(409);
        ApiResponse reserved = api.as(manager).put("/api/deals/pipeline/" + org.shenzhen().id(), Map.of("stages", List.of(
                Map.of("code", "won", "nameEn", "W", "nameZh", "赢", "probability", 100))));
        assertThat(reserved.errorFields()).containsExactly("stages[0].code");
    }

    @Test
    void funnelCountsConversionFromStageToStageByRepAndExportsToXlsx() throws Exception {
        OrgFixtures.Org funnelOrg = fixtures.eastAndSouthChina();
        String director = funnelOrg.director().token();
        // 李娜: 4 deals, 2 lost at contact, 1 reached proposal and lost, 1 won from needs. 王伟: 1 in needs, 1 won from negotiation.
        // Won deals count as having passed every stage: reached 6, 4, 3, 2, won 2.
        long[] li = new long[4];
        for (int i = 0; i < 4; i++) {
            li[i] = createDealFor(director, funnelOrg.liNa(), "李娜 deal " + i, "100000");
        }
        move(director, li[0], "lost", "价格太高");
        move(director, li[1], "lost", "无预算");
        move(director, li[2], "needs", null);
        move(director, li[2], "proposal", null);
        move(director, li[2], "lost", "选择竞品");
        move(director, li[3], "needs", null);
        move(director, li[3], "won", null);
        long wa = createDealFor(director, funnelOrg.wangWei(), "王伟 deal a", "200000");
        long wb = createDealFor(director, funnelOrg.wangWei(), "王伟 deal b", "50000");
        move(director, wa, "needs", null);
        move(director, wb, "negotiation", null);
        move(director, wb, "won", null);

        JsonNode funnel = api.as(director).get("/api/deals/funnel?teamId=" + funnelOrg.company().id() + "&by=REP").tree();

        assertThat(funnel.path("stages").valueStream().map(s -> s.path("reached").asLong()).toList()).containsExactly(6L, 4L, 3L, 2L, 2L);
        assertThat(funnel.path("stages").get(0).path("conversionToNext").asDouble()).isCloseTo(4.0 / 6, offset(1e-9));
        assertThat(funnel.path("stages").get(3).path("conversionToNext").asDouble()).isEqualTo(1.0);
        assertThat(funnel.path("totals").path("winRate").asDouble()).isCloseTo(2.0 / 5, offset(1e-9));
        assertThat(funnel.path("totals").path("wonAmount").decimalValue()).isEqualByComparingTo("150000");
        assertThat(funnel.path("stages").get(0).path("averageDaysInStage").isNull()).isFalse();
        JsonNode byRep = funnel.path("groups");
        assertThat(byRep.valueStream().map(g -> g.path("key").asString()).toList()).containsExactly("李娜", "王伟");
        assertThat(byRep.get(0).path("totals").path("winRate").asDouble()).isEqualTo(0.25);

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/deals/funnel.xlsx?by=REP&teamId=" + funnelOrg.company().id()))
                .header("Authorization", "Bearer " + director).header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        List<Map<Integer, String>> stages = FastExcel.read(new ByteArrayInputStream(xlsx.body())).sheet(0).headRowNumber(0).doReadSync();
        assertThat(stages.get(0).get(0)).isEqualTo("阶段");
        assertThat(stages.get(1).get(0)).isEqualTo("初步接洽");
        assertThat(stages.get(1).get(1)).isEqualTo("6");
        List<Map<Integer, String>> groups = FastExcel.read(new ByteArrayInputStream(xlsx.body())).sheet(1).headRowNumber(1).doReadSync();
        assertThat(groups).extracting(r -> r.get(0)).containsExactly("李娜", "王伟");
    }

    private Lead ownedLead(Rep rep, String company, String budget) {
        Lead lead = leads.create(new LeadCommand(LeadSource.WEB_FORM, company, "周明", "采购经理", "13912345678", null,
                "manufacturing", null, "310000", "310100", null, "crm", new BigDecimal(budget), List.of()));
        ownership.assign(lead.id(), rep.id(), "test", false);
        return leads.getForSystem(lead.id());
    }

    private long createDeal(String token, String name, String amount) {
        ApiResponse r = api.as(token).post("/api/deals", Map.of("name", name, "amount", new BigDecimal(amount)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.tree().path("id").asLong();
    }

    private long createDealFor(String token, Rep rep, String name, String amount) {
        ApiResponse r = api.as(token).post("/api/deals", Map.of("name", name, "amount", new BigDecimal(amount), "ownerRepId", rep.id()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.tree().path("id").asLong();
    }

    private void move(String token, long id, String stage, String lostReason) {
        Map<String, Object> body = lostReason == null ? Map.of("stage", stage) : Map.of("stage", stage, "lostReason", lostReason);
        ApiResponse r = api.as(token).post("/api/deals/" + id + "/stage", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
}
