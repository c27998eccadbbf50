package dev.fairlead.filters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.Viewer;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavedFiltersIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired AuditTrail audit;

    OrgFixtures.Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    private ApiResponse save(OrgFixtures.Login who, String list, String name, String query) {
        return api.as(who.token()).post("/api/saved-filters", Map.of("list", list, "name", name, "query", query));
    }

    @Test
    void aNameIsRequiredAtMostSixtyCharactersAndUniquePerUserAndList() {
        assertThat(save(org.rep(), "LEADS", "  ", "status=NEW").errorFields()).containsExactly("name");
        assertThat(save(org.rep(), "LEADS", "x".repeat(61), "status=NEW").errorFields()).containsExactly("name");
        assertThat(save(org.rep(), "LEADS", "x".repeat(60), "status=NEW").status()).isEqualTo(201);
        assertThat(save(org.rep(), "LEADS", "新线索 New", "?status=NEW").status()).isEqualTo(201);

        ApiResponse again = save(org.rep(), "LEADS", "新线索 new", "status=CONTACTED");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorMessage("name")).contains("already have a filter");
        assertThat(save(org.rep(), "DEALS", "新线索 New", "open=true").status()).isEqualTo(201);
        assertThat(save(org.manager(), "LEADS", "新线索 New", "status=NEW").status()).isEqualTo(201);
        assertThat(api.as(org.rep().token()).post("/api/saved-filters", Map.of("name", "no list")).errorFields())
                .containsExactly("list");
    }

    @Test
    void eachUserSeesAndDeletesOnlyHerOwnAndBothAreAudited() {
        ApiResponse mine = save(org.rep(), "TASKS", "By due date", "view=list");
        long id = mine.tree().path("id").asLong();
        assertThat(mine.tree().path("query").asString()).isEqualTo("view=list");

        assertThat(api.as(org.manager().token()).get("/api/saved-filters?list=TASKS").tree().valueStream()
                .map(f -> f.path("id").asLong())).doesNotContain(id);
        assertThat(api.as(org.admin().token()).delete("/api/saved-filters/" + id).status()).isEqualTo(404);
        assertThat(api.as(org.rep().token()).get("/api/saved-filters?list=TASKS").tree().valueStream()
                .map(f -> f.path("name").asString())).containsExactly("By due date");

        assertThat(api.as(org.rep().token()).delete("/api/saved-filters/" + id).status()).isEqualTo(204);
        assertThat(api.as(org.rep().token()).get("/api/saved-filters?list=TASKS").tree().valueStream()).isEmpty();
        assertThat(audit.search(Viewer.system(), AuditFilter.forEntity("saved_filter", id)).items())
                .extracting(e -> e.action()).containsExactlyInAnyOrder("CREATE", "DELETE");
    }

    @Test
    void theLeadListShowsTheSavedFiltersAndTheFormSavesTheCurrentFilter() {
        ApiResponse saved = api.as(org.manager().token()).header("HX-Request", "true").postForm("/saved-filters",
                Map.of("list", "LEADS", "name", "在池中 Pooled", "form", "lead-filter", "pooled", "true", "q", "", "status", "NEW"));
        assertThat(saved.body()).contains("id=\"saved-filters\"").contains("在池中 Pooled").doesNotContain("<html");
        String query = api.as(org.manager().token()).get("/api/saved-filters?list=LEADS").tree().valueStream()
                .filter(f -> f.path("name").asString().equals("在池中 Pooled")).findFirst().orElseThrow().path("query").asString();
        assertThat(query.split("&")).containsExactlyInAnyOrder("pooled=true", "status=NEW");

        String page = api.as(org.manager().token()).get("/leads?status=NEW").body();
        assertThat(page).contains("在池中 Pooled").contains("id=\"save-filter-form\"").contains("value=\"status=NEW\"");
        assertThat(api.as(org.rep().token()).get("/leads").body()).doesNotContain("在池中 Pooled");
    }
}
