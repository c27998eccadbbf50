package dev.fairlead.insights;

import dev.fairlead.org.Rep;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Routed leads written straight into the tables the review counts (routing decisions with their rule set
 * version and deciding rule, follow-ups, deals, SLA timers), each remembered as the test made it so the
 * test can work the figures out in Java. "Now" is Tuesday 20 May 2031, 10:00, company time zone (Q2 2031).
 */
final class ReviewFixture {

    static final LocalDateTime NOW = LocalDateTime.of(2031, 5, 20, 10, 0);

    /** What the test made of one lead: its first decision in the period and what followed. */
    record Case(long leadId, int version, String ruleKey, boolean pooled, Rep rep, Double hours, boolean deal, boolean won,
            BigDecimal revenue, String sla) {}

    final OrgFixtures.Org org;
    final JdbcClient jdbc;
    final Instant now;
    final List<Case> cases = new ArrayList<>();

    ReviewFixture(OrgFixtures.Org org, JdbcClient jdbc, MutableClock clock) {
        this.org = org;
        this.jdbc = jdbc;
        clock.startAt(NOW.atZone(clock.getZone()).toInstant());
        this.now = clock.instant();
    }

    Instant hoursAgo(double hours) {
        return now.minus(Duration.ofSeconds(Math.round(hours * 3600)));
    }

    /** A retired rule set with the given rules (key, name), under the next free version number. */
    long[] ruleSet(String name, String... keysAndNames) {
        StringBuilder rules = new StringBuilder("[");
        for (int i = 0; i < keysAndNames.length; i += 2) {
            rules.append(i == 0 ? "" : ",").append("{\"key\": \"").append(keysAndNames[i]).append("\", \"name\": \"")
                    .append(keysAndNames[i + 1]).append("\"}");
        }
        rules.append("]");
        return jdbc.sql("""
                INSERT INTO routing_rule_set (version, name, status, rules, created_by, created_at)
                SELECT coalesce(max(version), 0) + 1, :name, 'RETIRED', CAST(:rules AS jsonb), 'test', now() FROM routing_rule_set
                RETURNING id, version
                """).param("name", name + " " + org.n()).param("rules", rules.toString())
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    long lead(Rep owner, String company) {
        return jdbc.sql("""
                INSERT INTO lead (source, company, contact_name, status, owner_rep_id, owner_team_id, budget, created_at, assigned_at)
                VALUES ('WEB_FORM', :company, '张伟', 'CONTACTED', :rep, :team, 10000, :at, :at) RETURNING id
                """).param("company", company + " " + org.n() + "-" + cases.size()).param("rep", owner == null ? null : owner.id())
                .param("team", owner == null ? null : owner.teamId()).param("at", Timestamp.from(hoursAgo(2000)))
                .query(Long.class).single();
    }

    void decision(long leadId, long[] ruleSet, String ruleKey, String outcome, Long repId, Long poolId, Instant at) {
        jdbc.sql("""
                INSERT INTO routing_assignment (lead_id, kind, outcome, rep_id, pool_id, rule_set_id, rule_set_version, rule_key, actor, decided_at)
                VALUES (:lead, 'AUTO', :outcome, :rep, :pool, :set, :version, :rule, 'system', :at)
                """).param("lead", leadId).param("outcome", outcome).param("rep", repId).param("pool", poolId)
                .param("set", ruleSet[0]).param("version", (int) ruleSet[1]).param("rule", ruleKey).param("at", Timestamp.from(at))
                .update();
    }

    void followUp(long leadId, Rep rep, Instant at) {
        jdbc.sql("""
                INSERT INTO follow_up (lead_id, rep_id, author, kind, outcome, occurred_at, created_at)
                VALUES (:lead, :rep, 'test', 'CALL', 'NEUTRAL', :at, :at)
                """).param("lead", leadId).param("rep", rep.id()).param("at", Timestamp.from(at)).update();
    }

    void deal(long leadId, Rep owner, boolean won, int amount, String currency) {
        jdbc.sql("""
                INSERT INTO deal (name, lead_id, owner_rep_id, owner_team_id, amount, currency, stage, probability, won_on, created_at,
                                  stage_entered_at, closed_at)
                VALUES ('复盘商机', :lead, :rep, :team, :amount, :currency, :stage, :p, :wonOn, :at, :at, :closed)
                """).param("lead", leadId).param("rep", owner.id()).param("team", owner.teamId()).param("amount", BigDecimal.valueOf(amount))
                .param("currency", currency).param("stage", won ? "won" : "needs").param("p", won ? 100 : 20)
                .param("wonOn", won ? java.sql.Date.valueOf(NOW.toLocalDate()) : null).param("at", Timestamp.from(now))
                .param("closed", won ? Timestamp.from(now) : null).update();
    }

    void slaTimer(long leadId, Rep rep, Instant assigned, String status) {
        jdbc.sql("""
                INSERT INTO sla_timer (lead_id, rep_id, team_id, assigned_at, due_at, remind_at, auto_reassign, status, met_at, breached_at)
                VALUES (:lead, :rep, :team, :assigned, :due, :due, false, :status, :met, :breached)
                """).param("lead", leadId).param("rep", rep.id()).param("team", rep.teamId()).param("assigned", Timestamp.from(assigned))
                .param("due", Timestamp.from(assigned.plus(Duration.ofHours(24)))).param("status", status)
                .param("met", "MET".equals(status) ? Timestamp.from(assigned.plus(Duration.ofHours(2))) : null)
                .param("breached", "BREACHED".equals(status) ? Timestamp.from(assigned.plus(Duration.ofHours(24))) : null)
                .update();
    }

    long pool(long teamId) {
        long id = jdbc.sql("INSERT INTO pool (name) VALUES (:name) RETURNING id").param("name", "复盘公海 " + org.n())
                .query(Long.class).single();
        jdbc.sql("INSERT INTO pool_team (pool_id, team_id) VALUES (:pool, :team)").param("pool", id).param("team", teamId).update();
        return id;
    }
}
