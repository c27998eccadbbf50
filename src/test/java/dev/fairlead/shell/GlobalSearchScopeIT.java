package dev.fairlead.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.CompanySize;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.org.Rep;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The global search never answers with a record outside the viewer's scope: leads of two teams with
 * the same company and the same phone number (written with different separators).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlobalSearchScopeIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired LeadService leads;
    @Autowired LeadOwnership ownership;

    OrgFixtures.Org org;
    String company;
    String phoneDigits;
    long liNas;
    long wangWeis;
    long huJuns;

    @BeforeAll
    void sameCompanyAndPhoneInTwoTeams() {
        org = fixtures.eastAndSouthChina();
        company = "星海精密仪器 Xinghai Instruments " + org.n();
        String four = String.format("%04d", org.n() % 10_000);
        phoneDigits = "5557" + four;
        liNas = owned(org.liNa(), "周敏", "021-5557" + four);
        wangWeis = owned(org.wangWei(), "Kevin Xu", "0215557" + four);
        huJuns = owned(org.huJun(), "邓丽", "+86215557" + four);
    }

    private long owned(Rep rep, String contact, String phone) {
        return owned(rep, contact, phone, company);
    }

    private long owned(Rep rep, String contact, String phone, String company) {
        Lead lead = leads.create(new LeadCommand(LeadSource.WEB_FORM, company, contact, "采购经理", phone,
                "buyer." + rep.id() + "." + org.n() + "@xinghai.example.cn", "manufacturing", CompanySize.MEDIUM, "310000",
                "310100", null, "crm", new BigDecimal("250000"), List.of()));
        ownership.assign(lead.id(), rep.id(), "test", false);
        return lead.id();
    }

    private List<Long> leadIds(String token, String q) {
        return ids(token, q, "leads");
    }

    private List<Long> ids(String token, String q, String kind) {
        ApiResponse response = api.as(token).get("/api/search?limit=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(200);
        return response.tree().path("groups").valueStream()
                .filter(g -> g.path("kind").asString().equals(kind)).findFirst()
                .map(g -> g.path("hits").valueStream().map(h -> h.path("id").asLong()).toList()).orElse(List.of());
    }

    @Test
    void dealsAndCustomersOfAnotherTeamAreNotFoundEither() {
        String converted = "云帆医疗器械 Yunfan Medical " + org.n();
        // Two companies (a customer is one company, whoever converts it): one search finds both names.
        long liNasLead = owned(org.liNa(), "钱进", "0215558" + String.format("%04d", org.n() % 10_000), converted + " 上海分公司");
        long huJunsLead = owned(org.huJun(), "孙悦", "07555558" + String.format("%04d", org.n() % 10_000), converted + " 深圳分公司");
        JsonNode liNasDeal = api.as(org.director().token()).post("/api/deals/from-lead/" + liNasLead, java.util.Map.of()).tree();
        JsonNode huJunsDeal = api.as(org.director().token()).post("/api/deals/from-lead/" + huJunsLead, java.util.Map.of()).tree();
        assertThat(liNasDeal.path("id").asLong()).isPositive();
        assertThat(huJunsDeal.path("id").asLong()).isPositive();

        assertThat(ids(org.rep().token(), converted, "deals")).containsExactly(liNasDeal.path("id").asLong());
        assertThat(ids(org.southManager().token(), converted, "deals")).containsExactly(huJunsDeal.path("id").asLong());
        assertThat(ids(org.director().token(), converted, "deals"))
                .containsExactlyInAnyOrder(liNasDeal.path("id").asLong(), huJunsDeal.path("id").asLong());

        assertThat(ids(org.rep().token(), converted, "customers")).containsExactly(liNasDeal.path("customerId").asLong());
        assertThat(ids(org.southManager().token(), converted, "customers")).containsExactly(huJunsDeal.path("customerId").asLong());
        assertThat(ids(org.director().token(), converted, "customers")).hasSize(2);
        assertThat(ids(org.rep().token(), "孙悦", "customers")).as("by the other team's contact").isEmpty();
    }

    @Test
    void aRepFindsOnlyHerOwnLeadByCompanyAndByPhone() {
        assertThat(leadIds(org.rep().token(), company)).containsExactly(liNas);
        assertThat(leadIds(org.rep().token(), "5557-" + phoneDigits.substring(4))).containsExactly(liNas);
        assertThat(leadIds(org.rep().token(), "邓丽")).isEmpty();
    }

    @Test
    void aManagerFindsHerTeamOnlyAndTheOtherManagerHers() {
        assertThat(leadIds(org.manager().token(), company)).containsExactlyInAnyOrder(liNas, wangWeis);
        assertThat(leadIds(org.southManager().token(), company)).containsExactly(huJuns);
        assertThat(leadIds(org.southManager().token(), phoneDigits)).containsExactly(huJuns);
        assertThat(leadIds(org.director().token(), phoneDigits)).containsExactlyInAnyOrder(liNas, wangWeis, huJuns);
    }

    @Test
    void phoneDigitsMatchWhateverTheSeparatorsAndPartially() {
        assertThat(leadIds(org.director().token(), "(021) 5557 " + phoneDigits.substring(4)))
                .containsExactlyInAnyOrder(liNas, wangWeis);
        assertThat(leadIds(org.director().token(), "5557 " + phoneDigits.substring(4)))
                .containsExactlyInAnyOrder(liNas, wangWeis, huJuns);
        assertThat(leadIds(org.director().token(), "xinghai instruments " + org.n())).hasSize(3);
    }

    @Test
    void theResultsPageShowsTheViewersMatchesGroupedAndLinksToTheFilteredList() {
        String page = api.as(org.rep().token()).get("/search?q=" + URLEncoder.encode(company, StandardCharsets.UTF_8)).body();

        assertThat(page).contains("id=\"search-leads\"").contains("周敏").doesNotContain("邓丽").doesNotContain("Kevin Xu")
                .contains("href=\"/leads/" + liNas + "\"");
        String list = api.as(org.rep().token()).header("HX-Request", "true")
                .get("/leads?q=" + URLEncoder.encode("5557 " + phoneDigits.substring(4), StandardCharsets.UTF_8)).body();
        assertThat(list).contains("周敏").doesNotContain("邓丽");
    }

    @Test
    void aTooShortQueryIsAProblemOnTheApiAndAMessageOnThePage() {
        ApiResponse tooShort = api.as(org.rep().token()).get("/api/search?q=%20a%20");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.errorFields()).containsExactly("q");
        assertThat(tooShort.errorMessage("q")).contains("at least 2");
        assertThat(api.as(org.rep().token()).get("/api/search").status()).isEqualTo(400);
        assertThat(api.as(org.rep().token()).get("/api/search?q=ab&kind=nothing").status()).isEqualTo(400);

        ApiResponse page = api.as(org.rep().token()).language("zh-CN").get("/search?q=a");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"search-problem\"").contains("请至少输入 2 个字符");
    }
}
