package dev.fairlead.routing;

import static dev.fairlead.routing.RoutingFixtures.DIRECTOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadService;
import dev.fairlead.routing.domain.Explanation;
import dev.fairlead.routing.domain.LeadField;
import dev.fairlead.routing.domain.Operator;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.routing.persistence.CompactExplanationsMigration;
import dev.fairlead.support.Api;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Explanations are stored compactly (decision 0215) and read exactly as before: the API and the
 * explanation page say the same from the compact form as from the full form rows were stored in
 * until then, and the V71 migration rewrites such older rows without changing what they say.
 */
@IntegrationTest
class ExplanationStorageIT {

    @Autowired OrgFixtures fixtures;
    @Autowired LeadService leads;
    @Autowired RuleSetService ruleSets;
    @Autowired RoutingService routing;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired CompactExplanationsMigration migration;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;

    RuleSetView previous;

    @AfterEach
    void restore() {
        if (previous != null) {
            ruleSets.activate(DIRECTOR, previous.id(), "restore");
        }
    }

    @Test
    void theCompactAndTheFullFormReadTheSameAndOlderRowsAreMigrated() throws Exception {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        previous = ruleSets.active();
        RoutingFixtures.activate(ruleSets, "Storage " + org.n(),
                RoutingFixtures.teamRule("深圳专属", org.shenzhen().id(), StrategyKind.LEAST_LOADED,
                        new RuleCondition(LeadField.CITY, Operator.IN, List.of("440300"), null, null)),
                RoutingFixtures.teamRule("全公司轮流", org.company().id(), StrategyKind.WEIGHTED_ROUND_ROBIN));
        Lead lead = leads.create(RoutingFixtures.shanghaiLead("存储格式对照有限公司 " + org.n()));
        String compact = stored(lead.id());
        assertThat(compact).startsWith("{\"f\":2");
        Explanation read = routing.assignments(DIRECTOR, lead.id()).get(0).explanation();
        assertThat(read.rules()).hasSize(2);
        assertThat(read.rules().get(0).name()).isEqualTo("深圳专属");
        assertThat(read.rules().get(1).candidates()).isNotEmpty().anyMatch(c -> c.name().equals(org.liNa().name()));
        String full = json.writeValueAsString(read);
        assertThat(compact.length()).as("compact %d, full %d", compact.length(), full.length()).isLessThan(full.length() / 3);
        List<String> before = views(org, lead.id());

        // A row as it was stored before decision 0215: the full form.
        jdbc.sql("UPDATE routing_assignment SET explanation = CAST(:e AS json) WHERE lead_id = :lead")
                .param("e", full).param("lead", lead.id()).update();
        assertThat(stored(lead.id())).doesNotContain("\"f\":2");
        assertThat(views(org, lead.id())).isEqualTo(before);

        long rewritten = new TransactionTemplate(transactions).execute(tx -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                return migration.compactAll(c);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
        assertThat(rewritten).isGreaterThanOrEqualTo(1);
        assertThat(stored(lead.id())).isEqualTo(compact);
        assertThat(views(org, lead.id())).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE version = '71' AND success").query(Long.class).single())
                .as("the migration ran at start-up").isEqualTo(1);
    }

    private String stored(long leadId) {
        return jdbc.sql("SELECT explanation::text FROM routing_assignment WHERE lead_id = :lead ORDER BY id DESC LIMIT 1")
                .param("lead", leadId).query(String.class).single();
    }

    /** The API's answer and the explanation page in both languages, without what changes per request. */
    private List<String> views(OrgFixtures.Org org, long leadId) {
        String apiAnswer = api.as(org.manager().token()).get("/api/leads/" + leadId + "/assignments").body();
        String zh = api.as(org.manager().token()).language("zh-CN").get("/routing/leads/" + leadId + "/explanation").body();
        String en = api.as(org.manager().token()).language("en").get("/routing/leads/" + leadId + "/explanation").body();
        assertThat(zh).contains("深圳专属").contains(org.liNa().name());
        return List.of(apiAnswer, stable(zh), stable(en));
    }

    private static String stable(String page) {
        return page.replaceAll("nonce=\"[^\"]*\"", "").replaceAll("(name=\"_csrf\" (content|value)=)\"[^\"]*\"", "$1")
                .replaceAll("<meta name=\"_csrf\" content=\"[^\"]*\"", "");
    }
}
