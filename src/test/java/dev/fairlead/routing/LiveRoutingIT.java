package dev.fairlead.routing;

import static dev.fairlead.routing.RoutingFixtures.DIRECTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadService;
import dev.fairlead.org.AbsenceCommand;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepCommand;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Team;
import dev.fairlead.org.Territory;
import dev.fairlead.org.TerritoryKind;
import dev.fairlead.org.Tier;
import dev.fairlead.routing.domain.Explanation;
import dev.fairlead.routing.domain.LeadField;
import dev.fairlead.routing.domain.Operator;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveRoutingIT {

    @Autowired OrgFixtures fixtures;
    @Autowired LeadService leads;
    @Autowired RuleSetService ruleSets;
    @Autowired RoutingService routing;
    @Autowired RepService reps;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    OrgFixtures.Org org;

    @BeforeAll
    void shanghaiWeightedShenzhenLeastLoaded() {
        org = fixtures.eastAndSouthChina();
        RoutingFixtures.activate(ruleSets, "Live routing " + org.n(),
                RoutingFixtures.poolRule("Partners to the pool", new RuleCondition(LeadField.SOURCE, Operator.EQUALS, List.of("PARTNER"), null, null)),
                RoutingFixtures.teamRule("Shanghai, weighted", org.shanghai().id(), StrategyKind.WEIGHTED_ROUND_ROBIN,
                        new RuleCondition(LeadField.CITY, Operator.IN, List.of("310100"), null, null)),
                RoutingFixtures.teamRule("Shenzhen, least loaded", org.shenzhen().id(), StrategyKind.LEAST_LOADED,
                        new RuleCondition(LeadField.PROVINCE, Operator.PREFIX, List.of("44"), null, null)));
    }

    @Test
    void newLeadIsAssignedInItsOwnTransactionWithAnExplanation() {
        Lead lead = leads.create(RoutingFixtures.shanghaiLead("上海精工机械有限公司"));

        Lead stored = leads.getForSystem(lead.id());
        assertThat(stored.ownerRepId()).isIn(org.liNa().id(), org.wangWei().id(), org.emilyChen().id());
        List<AssignmentRecord> records = routing.assignments(DIRECTOR, lead.id());
        assertThat(records).hasSize(1);
        AssignmentRecord record = records.get(0);
        assertThat(record.kind()).isEqualTo(AssignmentKind.AUTO);
        assertThat(record.repId()).isEqualTo(stored.ownerRepId());
        Explanation e = record.explanation();
        assertThat(e.rules()).extracting(Explanation.RuleTrace::matched).containsExactly(false, true);
        assertThat(e.rules().get(0).conditions().get(0).actual()).isEqualTo("WEB_FORM");
        assertThat(e.rules().get(1).candidates()).hasSize(3).anyMatch(Explanation.CandidateTrace::winner);
        assertThat(e.why().code()).isEqualTo("weightedHighestCurrent");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'lead' AND entity_id = :id AND action = 'ASSIGN'")
                .param("id", String.valueOf(lead.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void equalWeightsShareShanghaiLeadsInTurn() {
        List<Long> owners = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            owners.add(leads.getForSystem(leads.create(RoutingFixtures.shanghaiLead("轮询测试 " + i)).id()).ownerRepId());
        }
        for (long rep : List.of(org.liNa().id(), org.wangWei().id(), org.emilyChen().id())) {
            assertThat(owners).filteredOn(o -> o == rep).hasSize(2);
        }
    }

    @Test
    void leadGoesToThePoolWhenEveryRepIsOutOfOfficeAndSaysWhy() {
        LocalDate today = LocalDate.now(clock);
        reps.addAbsence(Viewer.system(), org.huJun().id(), new AbsenceCommand(today, today.plusDays(1), "年假"));
        reps.addAbsence(Viewer.system(), org.graceLin().id(), new AbsenceCommand(today, today, "培训"));
        try {
            Lead lead = leads.create(RoutingFixtures.shenzhenLead("深圳无人接单科技"));

            Lead stored = leads.getForSystem(lead.id());
            assertThat(stored.ownerRepId()).isNull();
            AssignmentRecord record = routing.assignments(DIRECTOR, lead.id()).get(0);
            assertThat(record.outcome()).isEqualTo(Explanation.Outcome.POOLED);
            assertThat(record.explanation().why().code()).isEqualTo("everyRuleFellThrough");
            assertThat(record.explanation().rules().get(2).candidates())
                    .allMatch(c -> !c.eligible() && c.exclusion().code().equals("outOfOffice"));
            // nobody could take it: the pool's people are told (the default pool belongs to no team: the directors)
            await().atMost(java.time.Duration.ofSeconds(10)).until(() -> api.as(org.director().token())
                    .get("/api/inbox").body().contains("Nobody could take a new lead: 深圳无人接单科技"));
        } finally {
            reps.forRouting(false, List.of(), List.of(org.huJun().id(), org.graceLin().id())).forEach(r ->
                    r.absences().forEach(a -> reps.removeAbsence(Viewer.system(), r.id(), a.id())));
        }
    }

    @Test
    void partnerLeadsGoStraightToThePool() {
        var cmd = RoutingFixtures.shanghaiLead("伙伴转介有限公司");
        Lead lead = leads.create(new dev.fairlead.leads.LeadCommand(dev.fairlead.leads.LeadSource.PARTNER, cmd.company(),
                cmd.contactName(), null, cmd.phone(), null, null, null, cmd.provinceCode(), cmd.cityCode(), null, null, null, null));

        assertThat(leads.getForSystem(lead.id()).ownerRepId()).isNull();
        assertThat(routing.assignments(DIRECTOR, lead.id()).get(0).explanation().why().code()).isEqualTo("ruleSendsToPool");
    }

    @Test
    void explanationIsReadableOverTheApiInScopeAndHiddenOutsideIt() {
        Lead lead = leads.create(RoutingFixtures.shanghaiLead("上海范围测试有限公司"));

        ApiResponse mine = api.as(org.manager().token()).get("/api/leads/" + lead.id() + "/assignments");
        ApiResponse other = api.as(org.southManager().token()).get("/api/leads/" + lead.id() + "/assignments");

        assertThat(mine.status()).isEqualTo(200);
        JsonNode first = mine.tree().get(0);
        assertThat(first.path("kind").asString()).isEqualTo("AUTO");
        assertThat(first.path("repName").asString()).isNotBlank();
        assertThat(first.path("explanation").path("rules").size()).isEqualTo(2);
        assertThat(first.path("summary").asString()).startsWith(first.path("repName").asString() + ": ");
        String inChinese = api.as(org.manager().token()).language("zh-CN").get("/api/leads/" + lead.id() + "/assignments").tree()
                .get(0).path("summary").asString();
        assertThat(inChinese).startsWith(first.path("repName").asString() + "：").doesNotContain("not the others");
        assertThat(other.status()).isEqualTo(404);
    }

    @Test
    void managerReassignsWithAMandatoryReasonAndTheChangeIsAudited() {
        Lead lead = leads.create(RoutingFixtures.shanghaiLead("上海改派测试有限公司"));
        long target = leads.getForSystem(lead.id()).ownerRepId() == org.liNa().id() ? org.wangWei().id() : org.liNa().id();

        ApiResponse noReason = api.as(org.manager().token()).post("/api/leads/" + lead.id() + "/assignments", Map.of("repId", target));
        ApiResponse asRep = api.as(org.rep().token()).post("/api/leads/" + lead.id() + "/assignments",
                Map.of("repId", target, "reason", "我想要"));
        ApiResponse outOfScope = api.as(org.manager().token()).post("/api/leads/" + lead.id() + "/assignments",
                Map.of("repId", org.huJun().id(), "reason", "客户在深圳"));
        ApiResponse done = api.as(org.manager().token()).post("/api/leads/" + lead.id() + "/assignments",
                Map.of("repId", target, "reason", "客户要求中文对接"));

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).contains("reason");
        assertThat(asRep.status()).isIn(403, 404);
        assertThat(outOfScope.status()).isEqualTo(400);
        assertThat(outOfScope.errorFields()).contains("repId");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.tree().path("kind").asString()).isEqualTo("MANUAL");
        assertThat(leads.getForSystem(lead.id()).ownerRepId()).isEqualTo(target);
        assertThat(jdbc.sql("SELECT reason FROM audit_event WHERE entity_type = 'lead' AND entity_id = :id AND action = 'REASSIGN'")
                .param("id", String.valueOf(lead.id())).query(String.class).single()).isEqualTo("客户要求中文对接");
    }

    @Test
    void leavingRepsLeadsAreHandedOnThroughTheEngine() {
        OrgFixtures.Org other = fixtures.eastAndSouthChina();
        RuleSetView previous = ruleSets.active();
        RoutingFixtures.activate(ruleSets, "Bulk " + other.n(), RoutingFixtures.teamRule("Shanghai, points", other.shanghai().id(),
                StrategyKind.FAIRNESS_POINTS, new RuleCondition(LeadField.CITY, Operator.IN, List.of("310100"), null, null)));
        try {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                ids.add(leads.create(RoutingFixtures.shanghaiLead("交接测试 " + i)).id());
            }
            long leaving = other.liNa().id();
            long owned = ids.stream().filter(id -> leads.getForSystem(id).ownerRepId() == leaving).count();
            assertThat(owned).isEqualTo(3);

            ApiResponse response = api.as(other.manager().token()).post("/api/routing/reps/" + leaving + "/reassign",
                    Map.of("reason", "李娜离职"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.tree().path("reassigned").asInt()).isEqualTo(3);
            assertThat(ids.stream().map(id -> leads.getForSystem(id).ownerRepId())).doesNotContain(leaving);
            long bulkRecords = jdbc.sql("SELECT count(*) FROM routing_assignment WHERE kind = 'BULK' AND previous_rep_id = :rep")
                    .param("rep", leaving).query(Long.class).single();
            assertThat(bulkRecords).isEqualTo(3);
            ApiResponse ledger = api.as(other.manager().token()).get("/api/routing/ledger?period=MONTH");
            assertThat(ledger.tree().valueStream().filter(l -> l.path("repId").asLong() == leaving).findFirst().orElseThrow()
                    .path("leads").asInt()).isZero();
        } finally {
            ruleSets.activate(DIRECTOR, previous.id(), "restore");
        }
    }

    @Test
    void aRepWhoDoesNotWorkTodayIsExplainedWithTheWeekdayInTheReadersLanguage() {
        LocalDate today = LocalDate.now(clock);
        Team team = RoutingFixtures.team(teams, "周末测试公司 #" + org.n(), "周末组 Weekend team");
        RoutingFixtures.rep(reps, team, "全勤 Every day", 1, 100, "310100", "every.day");
        Rep off = reps.create(Viewer.system(), new RepCommand(team.id(), "今天休 Off today", OrgFixtures.email("off.today"), "13812345678",
                Tier.REGULAR, List.of("manufacturing"), List.of("crm"), List.of("zh"), 1, 1000, 100, 10_000,
                EnumSet.complementOf(EnumSet.of(today.getDayOfWeek())), LocalDate.of(2022, 1, 1), true,
                List.of(new Territory(TerritoryKind.CITY, "310100")), null));
        RuleSetView previous = ruleSets.active();
        RoutingFixtures.activate(ruleSets, "Weekday " + org.n(), RoutingFixtures.teamRule("周末组", team.id(), StrategyKind.ROUND_ROBIN));
        try {
            Lead lead = leads.create(RoutingFixtures.shanghaiLead("周末测试有限公司"));
            assertThat(routing.assignments(DIRECTOR, lead.id()).get(0).explanation().rules().get(0).candidates())
                    .anyMatch(c -> c.repId() == off.id() && c.exclusion().code().equals("notWorkingDay"));

            String zh = api.as(org.director().token()).language("zh-CN").get("/routing/leads/" + lead.id() + "/explanation").body();
            String zhDay = List.of("周一", "周二", "周三", "周四", "周五", "周六", "周日").get(today.getDayOfWeek().ordinal());
            assertThat(zh).contains(zhDay + "不是工作日").doesNotContain(today.getDayOfWeek().name());
            String en = api.as(org.director().token()).language("en").get("/routing/leads/" + lead.id() + "/explanation").body();
            assertThat(en).contains("does not work on " + today.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                    .doesNotContain(today.getDayOfWeek().name());
        } finally {
            ruleSets.activate(DIRECTOR, previous.id(), "restore");
        }
    }

    @Autowired dev.fairlead.org.TeamService teams;

    @Test
    void aRepChangedOutsideThisNodeIsRoutedByTheNewFactsFromTheNextLead() {
        leads.create(RoutingFixtures.shanghaiLead("上海名册预热有限公司"));
        LocalDate today = LocalDate.now(clock);
        // As another node (or a database console) would change them: no event reaches this node.
        for (long rep : List.of(org.liNa().id(), org.wangWei().id())) {
            jdbc.sql("INSERT INTO rep_absence (rep_id, starts_on, ends_on, reason) VALUES (:rep, :day, :day, '外出')")
                    .param("rep", rep).param("day", java.sql.Date.valueOf(today)).update();
        }
        try {
            List<Long> owners = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                owners.add(leads.create(RoutingFixtures.shanghaiLead("上海名册变更 " + i)).ownerRepId());
            }
            assertThat(owners).containsOnly(org.emilyChen().id());

            jdbc.sql("UPDATE rep SET active = false WHERE id = :rep").param("rep", org.emilyChen().id()).update();
            Lead nobody = leads.create(RoutingFixtures.shanghaiLead("上海名册停用"));
            assertThat(nobody.ownerRepId()).isNull();
            assertThat(routing.assignments(DIRECTOR, nobody.id()).get(0).explanation().rules().get(1).candidates())
                    .noneMatch(Explanation.CandidateTrace::eligible);
        } finally {
            jdbc.sql("UPDATE rep SET active = true WHERE id = :rep").param("rep", org.emilyChen().id()).update();
            jdbc.sql("DELETE FROM rep_absence WHERE rep_id IN (:a, :b) AND reason = '外出'")
                    .param("a", org.liNa().id()).param("b", org.wangWei().id()).update();
        }
        Lead back = leads.create(RoutingFixtures.shanghaiLead("上海名册恢复"));
        assertThat(back.ownerRepId()).isIn(org.liNa().id(), org.wangWei().id(), org.emilyChen().id());
    }

    @Test
    void theLeadAnIntakeReturnsIsTheLeadAsStored() {
        var base = RoutingFixtures.shanghaiLead("上海读回测试有限公司");
        java.time.Instant at = clock.instant().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var cmd = new dev.fairlead.leads.LeadCommand(base.source(), base.company(), base.contactName(), base.title(), base.phone(),
                "buyer@example.com", base.industry(), base.companySize(), base.provinceCode(), base.cityCode(), "200001",
                base.productInterest(), new java.math.BigDecimal("80000.5"),
                List.of(new dev.fairlead.leads.Behaviour(dev.fairlead.leads.BehaviourKind.WEBINAR, "春季发布会", at),
                        new dev.fairlead.leads.Behaviour(dev.fairlead.leads.BehaviourKind.DOWNLOAD, null, at.minusSeconds(60))));

        Lead returned = leads.create(cmd);

        Lead stored = leads.getForSystem(returned.id());
        assertThat(returned.ownerRepId()).isNotNull();
        assertThat(returned.ownerName()).isNotBlank();
        assertThat(returned.score()).isNotNull();
        assertThat(returned).isEqualTo(stored);
    }

    @Test
    void aRosterReadUnderARolledBackOrganisationChangeIsNeverUsedAgain() {
        LocalDate today = LocalDate.now(clock);
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
            // One statement, one move of the organisation's version, seen by the routing below.
            jdbc.sql("""
                            INSERT INTO rep_absence (rep_id, starts_on, ends_on, reason)
                            SELECT unnest(CAST(:reps AS bigint[])), :day, :day, '回滚'
                            """)
                    .param("reps", dev.fairlead.common.SqlArrays.bigint(List.of(org.liNa().id(), org.wangWei().id(), org.emilyChen().id())))
                    .param("day", java.sql.Date.valueOf(today)).update();
            assertThat(leads.create(RoutingFixtures.shanghaiLead("上海回滚名册")).ownerRepId()).isNull();
            status.setRollbackOnly();
        });
        // One committed change, one move: a counter that a rollback gives back would land on the same number.
        jdbc.sql("UPDATE team SET name = name WHERE id = :team").param("team", org.shenzhen().id()).update();

        Lead lead = leads.create(RoutingFixtures.shanghaiLead("上海回滚之后"));

        assertThat(lead.ownerRepId()).isIn(org.liNa().id(), org.wangWei().id(), org.emilyChen().id());
    }
}
