package dev.fairlead.routing;

import static dev.fairlead.routing.RoutingFixtures.DIRECTOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RebalanceIT {

    @Autowired OrgFixtures fixtures;
    @Autowired LeadService leads;
    @Autowired LeadOwnership ownership;
    @Autowired RuleSetService ruleSets;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    @Test
    void managerPreviewsSolverMovesTowardsTheStrongerConverterAppliesThemAndTheyAreAudited() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        RuleSetView previous = ruleSets.active();
        RoutingFixtures.activate(ruleSets, "All to Wang Wei " + org.n(),
                RoutingFixtures.repsRule("Wang Wei only", List.of(org.wangWei().id()), StrategyKind.ROUND_ROBIN));
        List<Long> open = new ArrayList<>();
        try {
            // Wang Wei's daily cap is 10: 4 leads won by Li Na (routed to him first), 2 he lost, 4 open.
            for (int i = 0; i < 4; i++) {
                long won = leads.create(RoutingFixtures.shanghaiLead("李娜赢单 " + i)).id();
                ownership.assign(won, org.liNa().id(), "history", false);
                ownership.changeStatus(won, LeadStatus.CONVERTED, "won");
            }
            for (int i = 0; i < 2; i++) {
                long lost = leads.create(RoutingFixtures.shanghaiLead("王伟丢单 " + i)).id();
                ownership.changeStatus(lost, LeadStatus.LOST, "lost");
            }
            for (int i = 0; i < 4; i++) {
                open.add(leads.create(RoutingFixtures.shanghaiLead("待平衡客户 " + i)).id());
            }
        } finally {
            ruleSets.activate(DIRECTOR, previous.id(), "restore");
        }
        assertThat(open).allMatch(id -> leads.getForSystem(id).ownerRepId() == org.wangWei().id());

        ApiResponse proposed = api.as(org.manager().token()).post("/api/routing/rebalances",
                Map.of("teamId", org.shanghai().id(), "guardMultiple", 1.5));

        assertThat(proposed.status()).isEqualTo(201);
        JsonNode p = proposed.tree();
        long id = p.path("id").asLong();
        assertThat(p.path("leads").asInt()).isEqualTo(4);
        assertThat(p.path("objectiveAfter").asDouble()).isGreaterThan(p.path("objectiveBefore").asDouble())
                .isLessThanOrEqualTo(p.path("upperBound").asDouble());
        List<JsonNode> moves = p.path("moves").valueStream().toList();
        assertThat(moves).isNotEmpty().allMatch(m -> m.path("fromRepId").asLong() == org.wangWei().id() && m.path("gain").asDouble() > 0);
        assertThat(moves).anyMatch(m -> m.path("toRepId").asLong() == org.liNa().id());
        assertThat(api.as(org.southManager().token()).get("/api/routing/rebalances/" + id).status()).isEqualTo(404);
        long firstLead = moves.get(0).path("leadId").asLong();
        assertThat(leads.getForSystem(firstLead).ownerRepId()).as("nothing moves before apply").isEqualTo(org.wangWei().id());

        long changedMeanwhile = moves.get(moves.size() - 1).path("leadId").asLong();
        api.as(org.manager().token()).post("/api/leads/" + changedMeanwhile + "/assignments",
                Map.of("repId", org.emilyChen().id(), "reason", "客户点名要 Emily"));
        ApiResponse applied = api.as(org.manager().token()).post("/api/routing/rebalances/" + id + "/apply", "");

        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.tree().path("status").asString()).isEqualTo("APPLIED");
        for (JsonNode m : applied.tree().path("moves")) {
            long leadId = m.path("leadId").asLong();
            if (leadId == changedMeanwhile && moves.size() > 1) {
                assertThat(m.path("status").asString()).isEqualTo("SKIPPED");
                assertThat(leads.getForSystem(leadId).ownerRepId()).isEqualTo(org.emilyChen().id());
            } else {
                assertThat(m.path("status").asString()).isEqualTo("APPLIED");
                assertThat(leads.getForSystem(leadId).ownerRepId()).isEqualTo(m.path("toRepId").asLong());
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM routing_assignment WHERE kind = 'REBALANCE' AND lead_id = :lead")
                .param("lead", firstLead).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'rebalance' AND entity_id = :id ORDER BY id")
                .param("id", String.valueOf(id)).query(String.class).list()).containsExactly("PROPOSE", "APPLY");
        assertThat(api.as(org.manager().token()).post("/api/routing/rebalances/" + id + "/discard", "").status()).isEqualTo(409);
        assertThat(api.as(org.manager().token()).language("zh-CN").get("/routing/rebalance/" + id).body()).contains("已应用");
    }
}
