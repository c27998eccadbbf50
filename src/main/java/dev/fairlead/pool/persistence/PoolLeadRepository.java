package dev.fairlead.pool.persistence;

import dev.fairlead.common.SqlArrays;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.pool.LeadMove;
import dev.fairlead.pool.MoveCause;
import dev.fairlead.pool.PoolLead;
import dev.fairlead.pool.PoolLeadQuery;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of leads as pools see them (read-only: every change of hands goes through
 * {@code LeadOwnership}), the move history, claim counters and recovery warnings.
 */
@Repository
public class PoolLeadRepository {

    /** An owned lead that a recovery rule applies to, with that rule. */
    public record Candidate(long leadId, long ownerRepId, String ownerName, long ownerTeamId, String grade, boolean locked, LeadStatus status,
            Instant assignedAt, Instant lastFollowUpAt, String company, String contactName, long poolId,
            Integer noFollowUpDays, Integer noDealDays, int warnDays) {

        public String label() {
            return company != null ? company + " · " + contactName : contactName;
        }
    }

    private final JdbcClient jdbc;

    PoolLeadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PoolLead> leads(Viewer viewer, long poolId, PoolLeadQuery q, Instant now) {
        return jdbc.sql("SELECT pl.*, " + PREVIOUS_OWNERS + LIST_FROM_WHERE + LIST_ORDER + " LIMIT :limit OFFSET :offset")
                .params(listParams(viewer, poolId, q, now))
                .param("limit", q.size())
                .param("offset", (long) q.page() * q.size())
                .query((rs, n) -> poolLead(rs, now))
                .list();
    }

    /** The pool's lead list: visibility and filters; the list and its export run exactly this. */
    private static final String LIST_FROM_WHERE = " FROM (" + PoolRepository.POOLED + ") pl"
            + " JOIN pool p ON p.id = pl.in_pool WHERE pl.in_pool = :pool AND " + PoolRepository.VISIBLE + """
             AND (CAST(:grade AS text) IS NULL OR pl.grade = :grade)
             AND (CAST(:province AS text) IS NULL OR pl.province_code = :province OR pl.city_code = :province)
             AND (CAST(:industry AS text) IS NULL OR lower(pl.industry) = lower(:industry))
             AND (CAST(:minSince AS timestamptz) IS NULL OR pl.since <= :minSince)
             AND (CAST(:maxSince AS timestamptz) IS NULL OR pl.since > :maxSince)
             AND (CAST(:previous AS bigint) IS NULL OR EXISTS (SELECT 1 FROM lead_move pm WHERE pm.lead_id = pl.id
                  AND (pm.from_rep_id = :previous OR pm.to_rep_id = :previous)))
             AND (CAST(:text AS text) IS NULL OR pl.company ILIKE '%' || :text || '%' OR pl.contact_name ILIKE '%' || :text || '%')
            """;
    private static final String LIST_ORDER = " ORDER BY pl.since DESC, pl.id DESC";

    private static Map<String, Object> listParams(Viewer viewer, long poolId, PoolLeadQuery q, Instant now) {
        Map<String, Object> p = new HashMap<>(PoolRepository.visibility(viewer));
        p.put("pool", poolId);
        p.put("grade", q.grade());
        p.put("province", q.provinceCode());
        p.put("industry", q.industry());
        p.put("minSince", q.minDaysInPool() == null ? null : Timestamp.from(now.minus(Duration.ofDays(q.minDaysInPool()))));
        p.put("maxSince", q.maxDaysInPool() == null ? null : Timestamp.from(now.minus(Duration.ofDays(q.maxDaysInPool() + 1L))));
        p.put("previous", q.previousOwnerRepId());
        p.put("text", q.text());
        return p;
    }

    public long count(Viewer viewer, long poolId, PoolLeadQuery q, Instant now) {
        return jdbc.sql("SELECT count(*)" + LIST_FROM_WHERE).params(listParams(viewer, poolId, q, now)).query(Long.class).single();
    }

    /** The pool's lead list through a cursor (an export); must run in a transaction. */
    public void forEach(Viewer viewer, long poolId, PoolLeadQuery q, Instant now, int limit,
            java.util.function.Consumer<? super PoolLead> each) {
        try (java.util.stream.Stream<PoolLead> rows = jdbc.sql("SELECT pl.*, " + PREVIOUS_OWNERS + LIST_FROM_WHERE + LIST_ORDER
                        + " LIMIT :limit").withFetchSize(1000)
                .params(listParams(viewer, poolId, q, now)).param("limit", limit)
                .query((rs, n) -> poolLead(rs, now)).stream()) {
            rows.forEach(each);
        }
    }

    /** How many leads of the pool have waited how many whole days at {@code now} (as {@link PoolLead#daysInPool()}). */
    public Map<Long, Integer> daysInPool(Viewer viewer, long poolId, Instant now) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT greatest(0, floor(extract(epoch FROM (CAST(:now AS timestamptz) - pl.since)) / 86400)) AS days, count(*) AS n FROM ("
                        + PoolRepository.POOLED + ") pl JOIN pool p ON p.id = pl.in_pool WHERE pl.in_pool = :pool AND "
                        + PoolRepository.VISIBLE + " GROUP BY 1")
                .params(PoolRepository.visibility(viewer))
                .param("pool", poolId)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> counts.merge(rs.getLong("days"), rs.getInt("n"), Integer::sum))
                .list();
        return counts;
    }

    /** The pool this unowned open lead is in; empty when it is owned, closed or was never pooled. */
    public OptionalLong poolOf(long leadId) {
        return jdbc.sql("SELECT in_pool FROM (" + PoolRepository.POOLED + " AND l.id = :lead) pl")
                .param("lead", leadId).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    public Optional<PoolLead> pooledLead(long leadId, Instant now) {
        return jdbc.sql("SELECT pl.*, " + PREVIOUS_OWNERS + " FROM (" + PoolRepository.POOLED + " AND l.id = :lead) pl")
                .param("lead", leadId).query((rs, n) -> poolLead(rs, now)).optional();
    }

    /** Leads the rep owns that count against a pool's maximum: open ones, and converted ones when asked. */
    public int ownedLeads(long repId, boolean countWon) {
        return jdbc.sql("""
                        SELECT count(*) FROM lead WHERE owner_rep_id = :rep
                          AND (status IN ('NEW', 'CONTACTED', 'QUALIFIED') OR (:won AND status = 'CONVERTED'))
                        """)
                .param("rep", repId).param("won", countWon).query(Integer.class).single();
    }

    /** When the rep last lost this lead to a pool (released, recovered, SLA breach). */
    public Optional<Instant> lastLost(long leadId, long repId) {
        return jdbc.sql("SELECT max(at) FROM lead_move WHERE lead_id = :lead AND from_rep_id = :rep AND to_pool_id IS NOT NULL")
                .param("lead", leadId).param("rep", repId)
                .query((rs, n) -> rs.getTimestamp(1)).optional()
                .flatMap(ts -> Optional.ofNullable(ts).map(Timestamp::toInstant));
    }

    /** Locks the rep's claim counter (serialising their claims) and returns today's claims. */
    public int lockClaimsToday(long repId, LocalDate today) {
        jdbc.sql("INSERT INTO pool_claim_count (rep_id) VALUES (:rep) ON CONFLICT (rep_id) DO NOTHING").param("rep", repId).update();
        return jdbc.sql("SELECT CASE WHEN day = :today THEN claims ELSE 0 END FROM pool_claim_count WHERE rep_id = :rep FOR UPDATE")
                .param("rep", repId).param("today", Date.valueOf(today)).query(Integer.class).single();
    }

    public void countClaim(long repId, LocalDate today) {
        jdbc.sql("""
                        UPDATE pool_claim_count SET claims = CASE WHEN day = :today THEN claims + 1 ELSE 1 END, day = :today
                        WHERE rep_id = :rep
                        """)
                .param("rep", repId).param("today", Date.valueOf(today)).update();
    }

    public void recordMove(long leadId, Instant at, MoveCause cause, Long fromRep, Long toRep, Long fromPool, Long toPool,
            String actor, String reason) {
        jdbc.sql("""
                        INSERT INTO lead_move (lead_id, at, cause, from_rep_id, to_rep_id, from_pool_id, to_pool_id, actor, reason)
                        VALUES (:lead, :at, :cause, :fromRep, :toRep, :fromPool, :toPool, :actor, :reason)
                        """)
                .param("lead", leadId).param("at", Timestamp.from(at)).param("cause", cause.name())
                .param("fromRep", fromRep).param("toRep", toRep).param("fromPool", fromPool).param("toPool", toPool)
                .param("actor", actor).param("reason", reason == null ? null : reason.substring(0, Math.min(500, reason.length())))
                .update();
    }

    /** A move to record with {@link #recordMoves}. */
    public record NewMove(long leadId, Instant at, MoveCause cause, Long fromRep, Long toRep, Long fromPool, Long toPool, String reason) {}

    /** {@link #recordMove} for many moves in one statement, all by the same actor. */
    public void recordMoves(List<NewMove> moves, String actor) {
        if (moves.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO lead_move (lead_id, at, cause, from_rep_id, to_rep_id, from_pool_id, to_pool_id, actor, reason)
                        SELECT m.lead, m.at, m.cause, m.from_rep, m.to_rep, m.from_pool, m.to_pool, :actor, m.reason
                        FROM unnest(:leads, :ats, :causes, :fromReps, :toReps, :fromPools, :toPools, :reasons)
                             AS m(lead, at, cause, from_rep, to_rep, from_pool, to_pool, reason)
                        """)
                .param("actor", actor)
                .param("leads", SqlArrays.bigint(moves.stream().map(NewMove::leadId).toList()))
                .param("ats", SqlArrays.typed("timestamptz", moves.stream().map(m -> Timestamp.from(m.at())).toList()))
                .param("causes", SqlArrays.typed("text", moves.stream().map(m -> m.cause().name()).toList()))
                .param("fromReps", SqlArrays.typed("bigint", moves.stream().map(NewMove::fromRep).toList()))
                .param("toReps", SqlArrays.typed("bigint", moves.stream().map(NewMove::toRep).toList()))
                .param("fromPools", SqlArrays.typed("bigint", moves.stream().map(NewMove::fromPool).toList()))
                .param("toPools", SqlArrays.typed("bigint", moves.stream().map(NewMove::toPool).toList()))
                .param("reasons", SqlArrays.typed("text", moves.stream()
                        .map(m -> m.reason() == null ? null : m.reason().substring(0, Math.min(500, m.reason().length()))).toList()))
                .update();
    }

    public List<LeadMove> moves(long leadId) {
        return jdbc.sql("""
                        SELECT m.*, fr.name AS from_name, tr.name AS to_name, p.name AS pool_name
                        FROM lead_move m LEFT JOIN rep fr ON fr.id = m.from_rep_id LEFT JOIN rep tr ON tr.id = m.to_rep_id
                        LEFT JOIN pool p ON p.id = m.to_pool_id
                        WHERE m.lead_id = :lead ORDER BY m.id DESC
                        """)
                .param("lead", leadId)
                .query((rs, n) -> new LeadMove(rs.getLong("id"), rs.getLong("lead_id"), rs.getTimestamp("at").toInstant(),
                        MoveCause.valueOf(rs.getString("cause")), (Long) rs.getObject("from_rep_id"), rs.getString("from_name"),
                        (Long) rs.getObject("to_rep_id"), rs.getString("to_name"), (Long) rs.getObject("to_pool_id"),
                        rs.getString("pool_name"), rs.getString("actor"), rs.getString("reason")))
                .list();
    }

    /**
     * Owned open leads under a recovery rule whose warning period has begun by {@code until}
     * ({@code lead}: only that one). Scope limits the rows for a viewer; {@code null} viewer: all.
     */
    public List<Candidate> candidates(Instant until, Long lead, Viewer viewer) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("all", viewer == null || viewer.seesAll());
        scope.put("scopeTeam", viewer == null ? -1L : viewer.scopeTeamId());
        scope.put("scopeRep", viewer == null ? -1L : viewer.scopeRepId());
        return jdbc.sql("""
                        WITH team_pool AS (SELECT id AS team_id, pool_for_team(id) AS pool_id FROM team)
                        SELECT l.id, l.owner_rep_id, o.name AS owner_name, l.owner_team_id, l.grade, l.locked, l.status, l.assigned_at,
                               l.last_follow_up_at, l.company, l.contact_name, tp.pool_id,
                               r.no_follow_up_days, r.no_deal_days, r.warn_days
                        FROM lead l
                        JOIN rep o ON o.id = l.owner_rep_id
                        JOIN team_pool tp ON tp.team_id = l.owner_team_id
                        JOIN LATERAL (SELECT * FROM pool_rule pr WHERE pr.pool_id = tp.pool_id
                                      AND (pr.grade = l.grade OR pr.grade IS NULL)
                                      ORDER BY pr.grade NULLS LAST LIMIT 1) r ON true
                        WHERE l.owner_rep_id IS NOT NULL AND l.status IN ('NEW', 'CONTACTED', 'QUALIFIED')
                          AND l.assigned_at IS NOT NULL AND l.duplicate_of IS NULL
                          AND (CAST(:lead AS bigint) IS NULL OR l.id = :lead)
                          AND (:all OR l.owner_team_id IN (SELECT team_subtree(:scopeTeam)) OR l.owner_rep_id = :scopeRep)
                          AND least(
                                CASE WHEN r.no_follow_up_days IS NOT NULL THEN
                                     greatest(l.assigned_at, coalesce(l.last_follow_up_at, l.assigned_at)) + make_interval(days => r.no_follow_up_days) END,
                                CASE WHEN r.no_deal_days IS NOT NULL THEN l.assigned_at + make_interval(days => r.no_deal_days) END
                              ) - make_interval(days => r.warn_days) <= :until
                        ORDER BY l.id
                        """)
                .params(scope)
                .param("lead", lead)
                .param("until", Timestamp.from(until))
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getLong("owner_rep_id"), rs.getString("owner_name"), rs.getLong("owner_team_id"),
                        rs.getString("grade"), rs.getBoolean("locked"), LeadStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("assigned_at").toInstant(), instant(rs, "last_follow_up_at"), rs.getString("company"),
                        rs.getString("contact_name"), rs.getLong("pool_id"), (Integer) rs.getObject("no_follow_up_days"),
                        (Integer) rs.getObject("no_deal_days"), rs.getInt("warn_days")))
                .list();
    }

    /** Records a warning; false when this owner was already warned about this due time. */
    public boolean recordWarning(long leadId, long repId, String kind, Instant dueAt, Instant now) {
        return jdbc.sql("""
                        INSERT INTO recovery_warning (lead_id, rep_id, rule_kind, due_at, warned_at)
                        VALUES (:lead, :rep, :kind, :due, :now) ON CONFLICT DO NOTHING
                        """)
                .param("lead", leadId).param("rep", repId).param("kind", kind).param("due", Timestamp.from(dueAt))
                .param("now", Timestamp.from(now)).update() == 1;
    }

    private static final String PREVIOUS_OWNERS = """
            ARRAY(SELECT r.name FROM rep r WHERE r.id IN (SELECT pm.from_rep_id FROM lead_move pm WHERE pm.lead_id = pl.id
                  UNION SELECT pm.to_rep_id FROM lead_move pm WHERE pm.lead_id = pl.id) ORDER BY r.name) AS previous_owners
            """;

    private static PoolLead poolLead(ResultSet rs, Instant now) throws SQLException {
        Instant since = rs.getTimestamp("since").toInstant();
        return new PoolLead(rs.getLong("id"), rs.getLong("in_pool"), rs.getString("company"), rs.getString("contact_name"),
                rs.getString("industry"), rs.getString("province_code"), rs.getString("city_code"), rs.getString("grade"),
                (Integer) rs.getObject("score"), LeadStatus.valueOf(rs.getString("status")), since,
                Math.max(0, Duration.between(since, now).toDays()), PoolRepository.strings(rs.getArray("previous_owners")),
                rs.getString("last_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
