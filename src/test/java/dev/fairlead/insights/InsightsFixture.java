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
 * The data the insights tests count, written straight into the modules' tables so each test knows
 * exactly what is there: leads with their assignment moves and follow-ups, SLA timers, a pool and its
 * moves, all of one fresh organisation. "Now" is Wednesday 19 March 2031, 10:00 in the company time zone.
 */
final class InsightsFixture {

    static final LocalDateTime NOW = LocalDateTime.of(2031, 3, 19, 10, 0);

    /** A lead as the test made it: owner, days since assigned, days since its last follow-up (null: none), budget. */
    record LeadSpec(long id, Rep owner, int assignedDaysAgo, Integer touchedDaysAgo, BigDecimal budget) {

        int untouchedDays() {
            return touchedDaysAgo != null ? touchedDaysAgo : assignedDaysAgo;
        }
    }

    final OrgFixtures.Org org;
    final JdbcClient jdbc;
    final Instant now;
    final List<LeadSpec> leads = new ArrayList<>();

    InsightsFixture(OrgFixtures.Org org, JdbcClient jdbc, MutableClock clock) {
        this.org = org;
        this.jdbc = jdbc;
        clock.startAt(NOW.atZone(clock.getZone()).toInstant());
        this.now = clock.instant();
    }

    Instant daysAgo(double days) {
        return now.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    LeadSpec lead(Rep owner, int assignedDaysAgo, Integer touchedDaysAgo, int budget) {
        Instant at = daysAgo(assignedDaysAgo);
        long id = jdbc.sql("""
                INSERT INTO lead (source, company, contact_name, status, owner_rep_id, owner_team_id, budget, created_at, assigned_at)
                VALUES ('WEB_FORM', :company, '张伟', 'NEW', :rep, :team, :budget, :at, :at) RETURNING id
                """).param("company", "看板测试公司 " + org.n() + "-" + leads.size()).param("rep", owner.id()).param("team", owner.teamId())
                .param("budget", BigDecimal.valueOf(budget)).param("at", Timestamp.from(at)).query(Long.class).single();
        move(id, at, "ASSIGNED", null, owner.id(), null, null);
        if (touchedDaysAgo != null) {
            followUp(id, owner, daysAgo(touchedDaysAgo));
        }
        LeadSpec spec = new LeadSpec(id, owner, assignedDaysAgo, touchedDaysAgo, BigDecimal.valueOf(budget));
        leads.add(spec);
        return spec;
    }

    void followUp(long leadId, Rep rep, Instant at) {
        jdbc.sql("""
                INSERT INTO follow_up (lead_id, rep_id, author, kind, outcome, occurred_at, created_at)
                VALUES (:lead, :rep, 'test', 'CALL', 'NEUTRAL', :at, :at)
                """).param("lead", leadId).param("rep", rep.id()).param("at", Timestamp.from(at)).update();
    }

    void move(long leadId, Instant at, String cause, Long fromRep, Long toRep, Long fromPool, Long toPool) {
        jdbc.sql("""
                INSERT INTO lead_move (lead_id, at, cause, from_rep_id, to_rep_id, from_pool_id, to_pool_id, actor)
                VALUES (:lead, :at, :cause, :fromRep, :toRep, :fromPool, :toPool, 'test')
                """).param("lead", leadId).param("at", Timestamp.from(at)).param("cause", cause).param("fromRep", fromRep)
                .param("toRep", toRep).param("fromPool", fromPool).param("toPool", toPool).update();
    }

    /** A first-contact timer of the lead: MET, BREACHED or RUNNING. */
    void slaTimer(LeadSpec lead, String status) {
        Instant assigned = daysAgo(lead.assignedDaysAgo());
        jdbc.sql("""
                INSERT INTO sla_timer (lead_id, rep_id, team_id, assigned_at, due_at, remind_at, auto_reassign, status, met_at, breached_at)
                VALUES (:lead, :rep, :team, :assigned, :due, :due, false, :status, :met, :breached)
                """).param("lead", lead.id()).param("rep", lead.owner().id()).param("team", lead.owner().teamId())
                .param("assigned", Timestamp.from(assigned)).param("due", Timestamp.from(assigned.plus(Duration.ofHours(24))))
                .param("status", status)
                .param("met", "MET".equals(status) ? Timestamp.from(assigned.plus(Duration.ofHours(2))) : null)
                .param("breached", "BREACHED".equals(status) ? Timestamp.from(assigned.plus(Duration.ofHours(24))) : null)
                .update();
    }

    long pool(long teamId) {
        long id = jdbc.sql("INSERT INTO pool (name) VALUES (:name) RETURNING id").param("name", "看板公海 " + org.n())
                .query(Long.class).single();
        jdbc.sql("INSERT INTO pool_team (pool_id, team_id) VALUES (:pool, :team)").param("pool", id).param("team", teamId).update();
        return id;
    }

    /** A lead that sits in the pool, moved there {@code daysAgo} for {@code cause}. */
    long pooledLead(long poolId, double daysAgo, String cause) {
        long id = jdbc.sql("""
                INSERT INTO lead (source, company, contact_name, status, pool_id, created_at)
                VALUES ('WEB_FORM', :company, '刘洋', 'NEW', :pool, :at) RETURNING id
                """).param("company", "公海测试 " + org.n() + "-" + daysAgo).param("pool", poolId)
                .param("at", Timestamp.from(daysAgo(daysAgo))).query(Long.class).single();
        move(id, daysAgo(daysAgo), cause, null, null, null, poolId);
        return id;
    }

    void capacity(Rep rep, int maxOpenLeads) {
        jdbc.sql("UPDATE rep SET max_open_leads = :max WHERE id = :id").param("max", maxOpenLeads).param("id", rep.id()).update();
    }
}
