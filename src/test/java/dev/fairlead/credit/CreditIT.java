package dev.fairlead.credit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.Viewer;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkLeadFixtures;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Credit split and confirmation over HTTP on PostgreSQL: only confirmed credit is revenue (goal
 * actuals and scorecards), a split deal's reps each get their share, a returned result is
 * corrected and submitted again, a confirmed one is only ever reversed, and a manager of another
 * team cannot approve.
 */
@IntegrationTest
@Import(WorkLeadFixtures.class)
@TestPropertySource(properties = {"fairlead.jobs.enabled=false", "fairlead.test.context=credit"})
class CreditIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired WorkLeadFixtures leads;
    @Autowired AuditTrail audit;
    @Autowired Clock clock;

    OrgFixtures.Org org;
    String rep;
    String manager;
    String finance;
    String director;
    String month;

    @BeforeEach
    void eastAndSouthChina() {
        org = fixtures.eastAndSouthChina();
        rep = org.rep().token();
        manager = org.manager().token();
        finance = org.finance().token();
        director = org.director().token();
        month = YearMonth.now(clock).toString();
    }

    @Test
    void onlyConfirmedCreditCountsAndASplitDealsRepsEachGetTheirShare() {
        long scheme = created(api.as(director).post("/api/performance/schemes", Map.of("audience", "ALL", "periodKind", "MONTH",
                "dimensions", List.of(Map.of("metric", "REVENUE", "weight", 100, "targets", Map.of("target", 100000), "curve", "LINEAR",
                        "capPercent", 150))))).path("id").asLong();
        ok(api.as(director).post("/api/performance/schemes/" + scheme + "/activate", Map.of("reason", "credit test")));
        long liNaGoal = goal("repId", org.liNa().id());
        long huJunGoal = goal("repId", org.huJun().id());
        long shenzhenGoal = goal("teamId", org.shenzhen().id());
        long deal = wonDeal("100000.01");

        assertThat(actual(liNaGoal)).as("won but not confirmed counts nothing").isEqualByComparingTo("0");
        assertThat(scorecardRevenue()).isEqualByComparingTo("0");

        JsonNode submitted = created(api.as(rep).post("/api/credit/deals/" + deal + "/entries",
                Map.of("policy", "CROSS_REGION", "helperRepId", org.huJun().id(), "evidence", "合同 HT-2026-118")));
        long id = submitted.path("id").asLong();
        assertThat(submitted.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.path("shares").valueStream().map(s -> s.path("amount").decimalValue().stripTrailingZeros().toPlainString()).toList())
                .containsExactly("60000.01", "40000");
        assertThat(ids(api.as(manager).get("/api/credit/queues/approval"))).contains(id);
        assertThat(ok(api.as(manager).get("/api/inbox")).toString()).contains("上海汽配");

        assertThat(ok(api.as(manager).post("/api/credit/entries/" + id + "/approve", Map.of())).path("state").asString()).isEqualTo("APPROVED");
        assertThat(actual(liNaGoal)).as("approved is not confirmed").isEqualByComparingTo("0");
        assertThat(ids(api.as(finance).get("/api/credit/queues/finance"))).contains(id);
        assertThat(ok(api.as(finance).get("/api/inbox")).toString()).contains("上海汽配");

        JsonNode bulk = ok(api.as(finance).post("/api/credit/entries/confirm", Map.of("ids", List.of(id, 999_999_999L))));
        assertThat(bulk.path("confirmed").valueStream().map(JsonNode::asLong).toList()).containsExactly(id);
        assertThat(bulk.path("refused").get(0).path("id").asLong()).isEqualTo(999_999_999L);

        assertThat(actual(liNaGoal)).isEqualByComparingTo("60000.01");
        assertThat(actual(huJunGoal)).isEqualByComparingTo("40000.00");
        assertThat(actual(shenzhenGoal)).as("the helper's team counts the helper's share").isEqualByComparingTo("40000.00");
        assertThat(scorecardRevenue()).isEqualByComparingTo("60000.01");
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("credit_entry", String.valueOf(id))).items())
                .extracting(e -> e.action()).contains("SUBMIT", "APPROVE", "CONFIRM");
        ApiResponse xlsx = api.as(finance).get("/api/credit/confirmed.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.contentType()).contains("spreadsheetml");
    }

    @Test
    void aReturnedSubmissionIsCorrectedAndSubmittedAgain() {
        long deal = wonDeal("58000");
        long id = created(api.as(rep).post("/api/credit/deals/" + deal + "/entries", Map.of())).path("id").asLong();
        assertThat(api.as(manager).post("/api/credit/entries/" + id + "/return", Map.of()).errorFields()).containsExactly("reason");
        JsonNode returned = ok(api.as(manager).post("/api/credit/entries/" + id + "/return", Map.of("reason", "王伟协助了方案，请分配")));
        assertThat(returned.path("state").asString()).isEqualTo("RETURNED");
        assertThat(api.as(rep).get("/api/credit/queues/mine").tree().get(0).path("reason").asString()).isEqualTo("王伟协助了方案，请分配");

        ApiResponse approveReturned = api.as(manager).language("zh-CN").post("/api/credit/entries/" + id + "/approve", Map.of());
        assertThat(approveReturned.status()).isEqualTo(409);
        assertThat(approveReturned.tree().path("detail").asString()).contains("已退回").contains("审批通过");

        ApiResponse badSplit = api.as(rep).put("/api/credit/entries/" + id, Map.of("policy", "MANUAL", "shares",
                List.of(Map.of("repId", org.liNa().id(), "percent", 70), Map.of("repId", org.wangWei().id(), "percent", 20))));
        assertThat(badSplit.status()).isEqualTo(400);
        assertThat(badSplit.errorFields()).containsExactly("shares");
        JsonNode again = ok(api.as(rep).put("/api/credit/entries/" + id, Map.of("policy", "MANUAL", "shares",
                List.of(Map.of("repId", org.liNa().id(), "percent", 66.67), Map.of("repId", org.wangWei().id(), "percent", 33.33)))));
        assertThat(again.path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(again.path("shares").valueStream().map(s -> s.path("amount").decimalValue()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("58000");
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("credit_entry", String.valueOf(id))).items())
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("RESUBMIT");
                    assertThat(e.before().get("state")).isEqualTo("RETURNED");
                    assertThat(e.after().get("shares").toString()).contains("33.33");
                });
    }

    @Test
    void aConfirmedResultIsNeverEditedOnlyReversedAndThenSubmittedAnew() {
        long goal = goal("repId", org.liNa().id());
        long deal = wonDeal("30000");
        long id = confirmed(deal);
        assertThat(actual(goal)).isEqualByComparingTo("30000");

        ApiResponse edit = api.as(rep).language("en").put("/api/credit/entries/" + id, Map.of("amount", 31000));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.tree().path("detail").asString()).contains("confirmed and is never changed");
        assertThat(api.as(finance).post("/api/credit/entries/" + id + "/reject", Map.of("reason", "x")).status()).isEqualTo(409);
        assertThat(api.as(rep).post("/api/credit/deals/" + deal + "/entries", Map.of()).status()).as("one live result per deal").isEqualTo(409);

        assertThat(api.as(finance).post("/api/credit/entries/" + id + "/reverse", Map.of()).errorFields()).containsExactly("reason");
        JsonNode reversal = created(api.as(finance).post("/api/credit/entries/" + id + "/reverse", Map.of("reason", "合同金额更正为 31000")));
        assertThat(reversal.path("kind").asString()).isEqualTo("REVERSAL");
        assertThat(reversal.path("reversesId").asLong()).isEqualTo(id);
        assertThat(reversal.path("amount").path("amount").decimalValue()).isEqualByComparingTo("-30000");
        assertThat(ok(api.as(rep).get("/api/credit/entries/" + id)).path("state").asString()).isEqualTo("REVERSED");
        assertThat(actual(goal)).isEqualByComparingTo("0");
        assertThat(api.as(finance).post("/api/credit/entries/" + reversal.path("id").asLong() + "/reverse", Map.of("reason", "x")).status())
                .isEqualTo(409);

        long corrected = created(api.as(rep).post("/api/credit/deals/" + deal + "/entries", Map.of("amount", 31000))).path("id").asLong();
        ok(api.as(manager).post("/api/credit/entries/" + corrected + "/approve", Map.of()));
        ok(api.as(finance).post("/api/credit/entries/" + corrected + "/confirm", Map.of()));
        assertThat(actual(goal)).isEqualByComparingTo("31000");
        assertThat(ok(api.as(rep).get("/api/credit/deals/" + deal + "/entries")).size()).isEqualTo(3);
    }

    @Test
    void onlyTheOwnerSubmitsAndAManagerOfAnotherTeamCannotApprove() {
        long deal = wonDeal("45000");
        assertThat(api.as(manager).post("/api/credit/deals/" + deal + "/entries", Map.of()).status()).isEqualTo(403);
        long open = created(api.as(rep).post("/api/deals/from-lead/" + leads.ownedBy(org.liNa()).id(), Map.of("amount", 1000))).path("id").asLong();
        assertThat(api.as(rep).post("/api/credit/deals/" + open + "/entries", Map.of()).status()).as("not won").isEqualTo(409);
        ApiResponse helperIsOwner = api.as(rep).post("/api/credit/deals/" + deal + "/entries", Map.of("policy", "HELPER_FIXED",
                "helperRepId", org.liNa().id()));
        assertThat(helperIsOwner.errorFields()).containsExactly("helperRepId");
        long id = created(api.as(rep).post("/api/credit/deals/" + deal + "/entries", Map.of())).path("id").asLong();

        assertThat(api.as(org.southManager().token()).post("/api/credit/entries/" + id + "/approve", Map.of()).status()).isEqualTo(404);
        assertThat(ids(api.as(org.southManager().token()).get("/api/credit/queues/approval"))).doesNotContain(id);
        assertThat(api.as(finance).post("/api/credit/entries/" + id + "/confirm", Map.of()).status()).as("not approved yet").isEqualTo(409);
        assertThat(api.as(manager).post("/api/credit/entries/" + id + "/confirm", Map.of()).status()).isEqualTo(403);
    }

    private long confirmed(long deal) {
        long id = created(api.as(rep).post("/api/credit/deals/" + deal + "/entries", Map.of())).path("id").asLong();
        ok(api.as(manager).post("/api/credit/entries/" + id + "/approve", Map.of()));
        ok(api.as(finance).post("/api/credit/entries/" + id + "/confirm", Map.of()));
        return id;
    }

    private long wonDeal(String amount) {
        long id = created(api.as(rep).post("/api/deals", Map.of("name", "上海汽配 " + org.n() + " " + amount, "amount", new BigDecimal(amount),
                "stage", "negotiation"))).path("id").asLong();
        ok(api.as(rep).post("/api/deals/" + id + "/stage", Map.of("stage", "won")));
        return id;
    }

    private long goal(String unit, long unitId) {
        return created(api.as(director).post("/api/goals", Map.of("metric", "REVENUE", unit, unitId, "period", month, "target", 100000)))
                .path("id").asLong();
    }

    private BigDecimal actual(long goal) {
        return ok(api.as(director).get("/api/goals/" + goal)).path("actual").decimalValue();
    }

    private BigDecimal scorecardRevenue() {
        JsonNode card = ok(api.as(rep).get("/api/performance/scorecards/mine?period=" + month)).path("scorecard");
        return card.path("card").path("dimensions").valueStream().filter(d -> d.path("rule").path("metric").asString().equals("REVENUE")).findFirst()
                .orElseThrow().path("actual").path("value").decimalValue();
    }

    private static List<Long> ids(ApiResponse response) {
        return ok(response).valueStream().map(e -> e.path("id").asLong()).toList();
    }

    private static JsonNode ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.tree();
    }

    private static JsonNode created(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.tree();
    }
}
