package dev.fairlead.leads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.LeadFixtures;
import dev.fairlead.support.OrgFixtures;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadPagesIT {

    @Autowired
    Api api;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    LeadOwnership ownership;

    OrgFixtures.Org org;
    long liNasLead;
    long huJunsLead;

    @BeforeAll
    void twoOwnedLeads() {
        org = fixtures.eastAndSouthChina();
        liNasLead = create(LeadFixtures.lead("马丽"));
        huJunsLead = create(LeadFixtures.lead("林峰"));
        ownership.assign(liNasLead, org.liNa().id(), "test", false);
        ownership.assign(huJunsLead, org.huJun().id(), "test", false);
    }

    private long create(Map<String, Object> lead) {
        return api.as(org.director().token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/leads", lead).tree().path("leadId").asLong();
    }

    @Test
    void detailPageShowsFieldsScoreAndLoadsEveryPanelWithHtmx() {
        String page = api.as(org.manager().token()).get("/leads/" + liNasLead).body();

        assertThat(page).contains("马丽").contains("采购总监").contains("李娜");
        assertThat(page).contains("hx-get=\"/scoring/leads/" + liNasLead + "/panel\"");
        String panel = api.as(org.manager().token()).get("/scoring/leads/" + liNasLead + "/panel").body();
        assertThat(panel).contains("id=\"score-contributions\"").contains("Decision maker").contains("Budget from 500,000");
    }

    @Test
    void repSeesOwnLeadsOnlyAndOthersAreNotFound() {
        ApiResponse list = api.as(org.rep().token()).get("/api/leads?size=500");

        assertThat(list.tree().valueStream().map(l -> l.path("id").asLong())).contains(liNasLead).doesNotContain(huJunsLead);
        assertThat(api.as(org.rep().token()).get("/api/leads/" + huJunsLead).status()).isEqualTo(404);
        assertThat(api.as(org.rep().token()).get("/leads/" + huJunsLead).status()).isEqualTo(404);
    }

    @Test
    void listFiltersByOwnerAndText() {
        String rows = api.as(org.director().token()).header("HX-Request", "true").get("/leads?ownerRepId=" + org.huJun().id()).body();

        assertThat(rows).contains("林峰").doesNotContain("马丽").doesNotContain("<html");
        assertThat(api.as(org.director().token()).header("HX-Request", "true").get("/leads?q=%E9%A9%AC%E4%B8%BD").body())
                .contains("马丽").doesNotContain("林峰");
    }

    @Test
    void closingALeadNeedsAReasonAndIsAudited() {
        long id = create(LeadFixtures.lead("宋佳"));
        ownership.assign(id, org.liNa().id(), "test", false);

        ApiResponse noReason = api.as(org.rep().token()).post("/api/leads/" + id + "/status", Map.of("status", "LOST"));
        ApiResponse lost = api.as(org.rep().token()).post("/api/leads/" + id + "/status", Map.of("status", "LOST", "reason", "预算取消"));

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        assertThat(lost.status()).isEqualTo(200);
        assertThat(lost.tree().path("status").asString()).isEqualTo("LOST");
        assertThat(api.as(org.director().token()).get("/api/audit?entityType=lead&entityId=" + id + "&action=STATUS").body())
                .contains("预算取消");
    }

    @Test
    void aRepCannotChangeSomeoneElsesLead() {
        ApiResponse response = api.as(org.rep().token()).post("/api/leads/" + huJunsLead + "/status", Map.of("status", "CONTACTED"));

        assertThat(response.status()).isEqualTo(404);
    }
}
