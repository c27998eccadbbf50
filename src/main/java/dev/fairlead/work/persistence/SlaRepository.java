package dev.fairlead.work.persistence;

import dev.fairlead.common.SqlArrays;
import dev.fairlead.common.Viewer;
import dev.fairlead.work.SlaPolicy;
import dev.fairlead.work.SlaStatus;
import dev.fairlead.work.SlaTimer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SlaRepository {

    private static final String SELECT = """
            SELECT s.*, r.name AS rep_name,
                   CASE WHEN l.company IS NULL THEN l.contact_name ELSE l.company || ' · ' || l.contact_name END AS lead_label
            FROM sla_timer s JOIN rep r ON r.id = s.rep_id JOIN lead l ON l.id = s.lead_id
            """;
    private static final String SCOPE = "(:all OR s.team_id IN (SELECT team_subtree(:scopeTeam)) OR s.rep_id = :scopeRep)";

    private final JdbcClient jdbc;

    SlaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SlaPolicy> policies() {
        return jdbc.sql("SELECT * FROM sla_policy ORDER BY grade NULLS FIRST")
                .query((rs, n) -> new SlaPolicy(rs.getString("grade"), rs.getInt("first_contact_minutes"),
                        rs.getInt("remind_before_minutes"), rs.getBoolean("working_hours"), rs.getBoolean("auto_reassign")))
                .list();
    }

    /** The policy for this grade, else the default one. */
    public SlaPolicy policyFor(String grade) {
        return jdbc.sql("SELECT * FROM sla_policy WHERE grade = :grade OR grade IS NULL ORDER BY grade NULLS LAST LIMIT 1")
                .param("grade", grade)
                .query((rs, n) -> new SlaPolicy(rs.getString("grade"), rs.getInt("first_contact_minutes"),
                        rs.getInt("remind_before_minutes"), rs.getBoolean("working_hours"), rs.getBoolean("auto_reassign")))
                .single();
    }

    public void replacePolicies(List<SlaPolicy> policies) {
        jdbc.sql("DELETE FROM sla_policy").update();
        for (SlaPolicy p : policies) {
            jdbc.sql("""
                            INSERT INTO sla_policy (grade, first_contact_minutes, remind_before_minutes, working_hours, auto_reassign)
                            VALUES (:grade, :minutes, :remind, :working, :reassign)
                            """)
                    .param("grade", p.grade()).param("minutes", p.firstContactMinutes()).param("remind", p.remindBeforeMinutes())
                    .param("working", p.workingHours()).param("reassign", p.autoReassign()).update();
        }
    }

    /** Starts a timer; false when this assignment already has one (a redelivered event). */
    public boolean start(long leadId, long repId, long teamId, Instant assignedAt, Instant dueAt, Instant remindAt,
            boolean autoReassign, SlaStatus status, Instant metAt) {
        return jdbc.sql("""
                        INSERT INTO sla_timer (lead_id, rep_id, team_id, assigned_at, due_at, remind_at, auto_reassign, status, met_at)
                        VALUES (:lead, :rep, :team, :assigned, :due, :remind, :reassign, :status, :met)
                        ON CONFLICT (lead_id, rep_id, assigned_at) DO NOTHING
                        """)
                .param("lead", leadId).param("rep", repId).param("team", teamId).param("assigned", Timestamp.from(assignedAt))
                .param("due", Timestamp.from(dueAt)).param("remind", Timestamp.from(remindAt)).param("reassign", autoReassign)
                .param("status", status.name()).param("met", metAt == null ? null : Timestamp.from(metAt))
                .update() == 1;
    }

    /** A timer to start with {@link #startAll}. */
    public record NewTimer(long leadId, long repId, long teamId, Instant assignedAt, Instant dueAt, Instant remindAt,
            boolean autoReassign, SlaStatus status, Instant metAt) {}

    /** {@link #start} for many timers in one statement (redelivered ones are skipped). */
    public void startAll(List<NewTimer> timers) {
        if (timers.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO sla_timer (lead_id, rep_id, team_id, assigned_at, due_at, remind_at, auto_reassign, status, met_at)
                        SELECT * FROM unnest(:leads, :reps, :teams, :assigned, :due, :remind, :reassign, :status, :met)
                        ON CONFLICT (lead_id, rep_id, assigned_at) DO NOTHING
                        """)
                .param("leads", SqlArrays.bigint(timers.stream().map(NewTimer::leadId).toList()))
                .param("reps", SqlArrays.bigint(timers.stream().map(NewTimer::repId).toList()))
                .param("teams", SqlArrays.bigint(timers.stream().map(NewTimer::teamId).toList()))
                .param("assigned", SqlArrays.typed("timestamptz", timers.stream().map(t -> Timestamp.from(t.assignedAt())).toList()))
                .param("due", SqlArrays.typed("timestamptz", timers.stream().map(t -> Timestamp.from(t.dueAt())).toList()))
                .param("remind", SqlArrays.typed("timestamptz", timers.stream().map(t -> Timestamp.from(t.remindAt())).toList()))
                .param("reassign", SqlArrays.typed("boolean", timers.stream().map(NewTimer::autoReassign).toList()))
                .param("status", SqlArrays.typed("text", timers.stream().map(t -> t.status().name()).toList()))
                .param("met", SqlArrays.typed("timestamptz", timers.stream()
                        .map(t -> t.metAt() == null ? null : Timestamp.from(t.metAt())).toList()))
                .update();
    }

    /** {@link #cancelRunning} for many leads in one statement ({@code leadIds} and {@code befores} side by side). */
    public void cancelRunningAll(List<Long> leadIds, List<Instant> befores) {
        if (leadIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE sla_timer s SET status = 'CANCELLED'
                        FROM unnest(:leads, :befores) AS c(lead, before)
                        WHERE s.lead_id = c.lead AND s.status = 'RUNNING' AND s.assigned_at < c.before
                        """)
                .param("leads", SqlArrays.bigint(leadIds))
                .param("befores", SqlArrays.typed("timestamptz", befores.stream().map(Timestamp::from).toList()))
                .update();
    }

    /** {@link #lockLead} for many leads in one statement, in id order. */
    public void lockLeads(List<Long> leadIds) {
        jdbc.sql("SELECT id FROM lead WHERE id = ANY(:leads) ORDER BY id FOR UPDATE").param("leads", SqlArrays.bigint(leadIds))
                .query().listOfRows();
    }

    /** Stops running timers of the lead that started before {@code before} (the lead changed hands). */
    public int cancelRunning(long leadId, Instant before) {
        return jdbc.sql("UPDATE sla_timer SET status = 'CANCELLED' WHERE lead_id = :lead AND status = 'RUNNING' AND assigned_at < :before")
                .param("lead", leadId).param("before", Timestamp.from(before)).update();
    }

    /**
     * Serialises SLA changes of one lead until the transaction ends by locking the lead's row.
     * Assignment events are handled after commit on several threads and follow-ups arrive
     * concurrently; without this, a handler could start a timer for an owner the lead has already
     * left. The lead row is the lock because every path that changes a lead takes it first, so the
     * order of locks is the same everywhere (an extra lock taken after it would risk deadlocks).
     */
    public void lockLead(long leadId) {
        jdbc.sql("SELECT id FROM lead WHERE id = :lead FOR UPDATE").param("lead", leadId).query().listOfRows();
    }

    /** A timer a follow-up met for the first time: whose it was and whether it was still running (within the SLA). */
    public record FirstContact(long timerId, long repId, boolean withinSla) {}

    /**
     * A follow-up at {@code at}: running timers started before it are met; breached ones note the late
     * contact. Answers the timers this contact was the first one for (their {@code met_at} was empty).
     */
    public List<FirstContact> contacted(long leadId, Instant at) {
        lockLead(leadId);
        return jdbc.sql("""
                        WITH before AS (
                            SELECT id, status, met_at FROM sla_timer
                            WHERE lead_id = :lead AND status IN ('RUNNING', 'BREACHED') AND assigned_at <= :at
                        )
                        UPDATE sla_timer s SET status = CASE WHEN s.status = 'RUNNING' THEN 'MET' ELSE s.status END,
                               met_at = coalesce(s.met_at, :at)
                        FROM before b WHERE s.id = b.id
                        RETURNING s.id, s.rep_id, b.status AS was, b.met_at AS was_met
                        """)
                .param("lead", leadId).param("at", Timestamp.from(at))
                .query((rs, n) -> rs.getTimestamp("was_met") == null
                        ? new FirstContact(rs.getLong("id"), rs.getLong("rep_id"), "RUNNING".equals(rs.getString("was"))) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    public List<SlaTimer> toRemind(Instant now) {
        return jdbc.sql(SELECT + " WHERE s.status = 'RUNNING' AND s.reminded_at IS NULL AND s.remind_at <= :now AND s.due_at > :now ORDER BY s.due_at")
                .param("now", Timestamp.from(now)).query(SlaRepository::timer).list();
    }

    public List<SlaTimer> overdue(Instant now) {
        return jdbc.sql(SELECT + " WHERE s.status = 'RUNNING' AND s.due_at <= :now ORDER BY s.due_at")
                .param("now", Timestamp.from(now)).query(SlaRepository::timer).list();
    }

    public boolean markReminded(long id, Instant now) {
        return jdbc.sql("UPDATE sla_timer SET reminded_at = :now WHERE id = :id AND status = 'RUNNING' AND reminded_at IS NULL")
                .param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    /** RUNNING → BREACHED (and escalated) once; false when another run or a follow-up got there first. */
    public boolean markBreached(long id, Instant now) {
        return jdbc.sql("""
                        UPDATE sla_timer SET status = 'BREACHED', breached_at = :now, escalated_at = :now
                        WHERE id = :id AND status = 'RUNNING'
                        """)
                .param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    public void markReassigned(long id, Instant now) {
        jdbc.sql("UPDATE sla_timer SET reassigned_at = :now WHERE id = :id").param("id", id).param("now", Timestamp.from(now)).update();
    }

    public List<SlaTimer> forLead(long leadId) {
        return jdbc.sql(SELECT + " WHERE s.lead_id = :lead ORDER BY s.id DESC").param("lead", leadId).query(SlaRepository::timer).list();
    }

    /** Timers in scope: running and breached ones, and those met or cancelled since {@code since}. */
    public List<SlaTimer> team(Viewer viewer, SlaStatus status, Instant since) {
        return jdbc.sql(SELECT + " WHERE " + SCOPE + """
                         AND (CAST(:status AS text) IS NULL OR s.status = :status)
                         AND (s.status IN ('RUNNING', 'BREACHED') OR s.assigned_at >= :since)
                        ORDER BY s.status = 'RUNNING' DESC, s.due_at LIMIT 500
                        """)
                .params(Map.of("all", viewer.seesAll(), "scopeTeam", viewer.scopeTeamId(), "scopeRep", viewer.scopeRepId()))
                .param("status", status == null ? null : status.name()).param("since", Timestamp.from(since))
                .query(SlaRepository::timer).list();
    }

    /** Breaches in scope since {@code since}, counted per day of {@code zone}; days without a breach are absent. */
    public Map<java.time.LocalDate, Integer> breachesPerDay(Viewer viewer, Instant since, java.time.ZoneId zone) {
        Map<java.time.LocalDate, Integer> perDay = new java.util.TreeMap<>();
        jdbc.sql("SELECT CAST(s.breached_at AT TIME ZONE :zone AS date) AS day, count(*) AS n FROM sla_timer s WHERE " + SCOPE + """
                         AND s.breached_at >= :since
                        GROUP BY 1
                        """)
                .params(Map.of("all", viewer.seesAll(), "scopeTeam", viewer.scopeTeamId(), "scopeRep", viewer.scopeRepId()))
                .param("zone", zone.getId()).param("since", Timestamp.from(since))
                .query((rs, n) -> perDay.put(rs.getDate("day").toLocalDate(), rs.getInt("n")))
                .list();
        return perDay;
    }

    private static SlaTimer timer(ResultSet rs, int n) throws SQLException {
        return new SlaTimer(rs.getLong("id"), rs.getLong("lead_id"), rs.getString("lead_label"), rs.getLong("rep_id"),
                rs.getString("rep_name"), rs.getLong("team_id"), rs.getTimestamp("assigned_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), SlaStatus.valueOf(rs.getString("status")),
                TaskRepository.instant(rs, "met_at"), TaskRepository.instant(rs, "reminded_at"),
                TaskRepository.instant(rs, "breached_at"), TaskRepository.instant(rs, "escalated_at"),
                TaskRepository.instant(rs, "reassigned_at"), rs.getBoolean("auto_reassign"));
    }
}
