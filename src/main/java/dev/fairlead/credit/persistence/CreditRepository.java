package dev.fairlead.credit.persistence;

import dev.fairlead.common.Money;
import dev.fairlead.common.SqlArrays;
import dev.fairlead.common.Viewer;
import dev.fairlead.credit.CreditEntry;
import dev.fairlead.credit.CreditShare;
import dev.fairlead.credit.domain.CreditState;
import dev.fairlead.credit.domain.SplitPolicy;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Credit entries and their shares. Reads take the viewer's scope: the owner's team, or a share's rep or team. */
@Repository
public class CreditRepository {

    /** Owner-based scope: whose results a manager answers for. */
    static final String OWNER_SCOPE = "(:all OR e.owner_team_id IN (SELECT team_subtree(:scopeTeam)) OR e.owner_rep_id = :scopeRep)";
    static final String READ_SCOPE = "(" + OWNER_SCOPE + " OR EXISTS (SELECT 1 FROM credit_share x WHERE x.entry_id = e.id"
            + " AND (x.rep_id = :scopeRep OR x.team_id IN (SELECT team_subtree(:scopeTeam)))))";
    private static final String SELECT = """
            SELECT e.*, d.name AS deal_name, r.name AS owner_name
            FROM credit_entry e JOIN deal d ON d.id = e.deal_id JOIN rep r ON r.id = e.owner_rep_id""";

    // a new entry with its shares
    public record NewEntry(long dealId, CreditEntry.Kind kind, Long reversesId, long ownerRepId, long ownerTeamId, Money amount,
            LocalDate wonOn, SplitPolicy policy, String evidence, CreditState state, String reason, Instant at, String actor,
            LocalDate confirmedOn) {}

    // a share to store
    public record NewShare(long repId, long teamId, BigDecimal percent, BigDecimal amount) {}

    private final JdbcClient jdbc;

    CreditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static Map<String, Object> scope(Viewer viewer) {
        return Map.of("all", viewer.seesAll(), "scopeTeam", viewer.scopeTeamId(), "scopeRep", viewer.scopeRepId());
    }

    public long insert(NewEntry e, List<NewShare> shares) {
        long id = jdbc.sql("""
                INSERT INTO credit_entry (deal_id, kind, reverses_id, owner_rep_id, owner_team_id, amount, currency, won_on, policy,
                    evidence, state, reason, submitted_at, submitted_by, confirmed_at, confirmed_by, confirmed_on)
                VALUES (:deal, :kind, :reverses, :owner, :team, :amount, :currency, :wonOn, :policy, :evidence, :state, :reason,
                    :at, :actor, :confirmedAt, :confirmedBy, :confirmedOn)
                RETURNING id""")
                .param("deal", e.dealId()).param("kind", e.kind().name()).param("reverses", e.reversesId())
                .param("owner", e.ownerRepId()).param("team", e.ownerTeamId())
                .param("amount", e.amount().amount()).param("currency", e.amount().currency())
                .param("wonOn", Date.valueOf(e.wonOn())).param("policy", e.policy().name()).param("evidence", e.evidence())
                .param("state", e.state().name()).param("reason", e.reason())
                .param("at", Timestamp.from(e.at())).param("actor", e.actor())
                .param("confirmedAt", e.confirmedOn() == null ? null : Timestamp.from(e.at()))
                .param("confirmedBy", e.confirmedOn() == null ? null : e.actor())
                .param("confirmedOn", e.confirmedOn() == null ? null : Date.valueOf(e.confirmedOn()))
                .query(Long.class).single();
        insertShares(id, shares);
        return id;
    }

    public void replace(long id, Money amount, LocalDate wonOn, SplitPolicy policy, String evidence, List<NewShare> shares,
            Instant at, String actor) {
        jdbc.sql("""
                UPDATE credit_entry SET amount = :amount, won_on = :wonOn, policy = :policy, evidence = :evidence, state = 'SUBMITTED',
                    reason = NULL, submitted_at = :at, submitted_by = :actor, approved_at = NULL, approved_by = NULL, version = version + 1
                WHERE id = :id""")
                .param("id", id).param("amount", amount.amount()).param("wonOn", Date.valueOf(wonOn)).param("policy", policy.name())
                .param("evidence", evidence).param("at", Timestamp.from(at)).param("actor", actor).update();
        jdbc.sql("DELETE FROM credit_share WHERE entry_id = :id").param("id", id).update();
        insertShares(id, shares);
    }

    /** Moves the entry to {@code state}; {@code approved}/{@code confirmedOn} stamp the step that was taken. */
    public void transition(long id, CreditState state, String reason, Instant at, String actor, boolean approved, LocalDate confirmedOn) {
        jdbc.sql("""
                UPDATE credit_entry SET state = :state, reason = coalesce(:reason, reason), version = version + 1,
                    approved_at = CASE WHEN :approved THEN :at ELSE approved_at END,
                    approved_by = CASE WHEN :approved THEN :actor ELSE approved_by END,
                    confirmed_at = CASE WHEN CAST(:confirmedOn AS date) IS NOT NULL THEN :at ELSE confirmed_at END,
                    confirmed_by = CASE WHEN CAST(:confirmedOn AS date) IS NOT NULL THEN :actor ELSE confirmed_by END,
                    confirmed_on = coalesce(CAST(:confirmedOn AS date), confirmed_on)
                WHERE id = :id""")
                .param("id", id).param("state", state.name()).param("reason", reason).param("at", Timestamp.from(at))
                .param("actor", actor).param("approved", approved)
                .param("confirmedOn", confirmedOn == null ? null : Date.valueOf(confirmedOn)).update();
    }

    public Optional<CreditEntry> findVisible(Viewer viewer, long id) {
        return withShares(jdbc.sql(SELECT + " WHERE e.id = :id AND " + READ_SCOPE).params(scope(viewer)).param("id", id)
                .query(CreditRepository::entry).list()).stream().findFirst();
    }

    /** Locks the entry for a change if the viewer answers for it (owner-based scope); empty when out of scope. */
    public Optional<CreditEntry> lockOwned(Viewer viewer, long id) {
        return jdbc.sql("SELECT e.id FROM credit_entry e WHERE e.id = :id AND " + OWNER_SCOPE + " FOR UPDATE")
                .params(scope(viewer)).param("id", id).query(Long.class).optional()
                .flatMap(found -> withShares(jdbc.sql(SELECT + " WHERE e.id = :id").param("id", found)
                        .query(CreditRepository::entry).list()).stream().findFirst());
    }

    public List<CreditEntry> ofDeal(long dealId) {
        return withShares(jdbc.sql(SELECT + " WHERE e.deal_id = :deal ORDER BY e.id").param("deal", dealId)
                .query(CreditRepository::entry).list());
    }

    /** Entries in {@code states} the viewer answers for (owner-based), oldest submission first. */
    public List<CreditEntry> inStates(Viewer viewer, Collection<CreditState> states, int limit) {
        return withShares(jdbc.sql(SELECT + " WHERE e.state IN (:states) AND e.kind = 'RESULT' AND " + OWNER_SCOPE
                        + " ORDER BY e.submitted_at, e.id LIMIT :limit")
                .params(scope(viewer)).param("states", states.stream().map(Enum::name).toList()).param("limit", limit)
                .query(CreditRepository::entry).list());
    }

    /** The rep's own results and the entries they have a share in, those waiting for them first, then newest. */
    public List<CreditEntry> ofRep(long repId, int limit) {
        return withShares(jdbc.sql(SELECT + " " + """
                 WHERE (e.owner_rep_id = :rep OR EXISTS (SELECT 1 FROM credit_share x WHERE x.entry_id = e.id AND x.rep_id = :rep))
                 ORDER BY (e.owner_rep_id = :rep AND e.state IN ('RETURNED', 'REJECTED')) DESC, e.submitted_at DESC, e.id DESC LIMIT :limit""")
                .param("rep", repId).param("limit", limit).query(CreditRepository::entry).list());
    }

    /** Confirmed entries (results and reversals) confirmed on days from {@code from} up to but not including {@code until}, for payroll. */
    public List<CreditEntry> confirmedBetween(LocalDate from, LocalDate until) {
        return withShares(jdbc.sql(SELECT + " WHERE e.confirmed_on >= :from AND e.confirmed_on < :until ORDER BY e.confirmed_on, e.id")
                .param("from", Date.valueOf(from)).param("until", Date.valueOf(until)).query(CreditRepository::entry).list());
    }

    public Optional<Long> reversalOf(long id) {
        return jdbc.sql("SELECT id FROM credit_entry WHERE reverses_id = :id").param("id", id).query(Long.class).optional();
    }

    private void insertShares(long id, List<NewShare> shares) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            positions.add(i + 1);
        }
        jdbc.sql("""
                INSERT INTO credit_share (entry_id, position, rep_id, team_id, percent, amount)
                SELECT :id, s.position, s.rep, s.team, s.percent, s.amount
                FROM unnest(:positions, :reps, :teams, CAST(:percents AS numeric[]), CAST(:amounts AS numeric[]))
                     AS s(position, rep, team, percent, amount)""")
                .param("id", id)
                .param("positions", SqlArrays.integer(positions))
                .param("reps", SqlArrays.bigint(shares.stream().map(NewShare::repId).toList()))
                .param("teams", SqlArrays.bigint(shares.stream().map(NewShare::teamId).toList()))
                .param("percents", SqlArrays.text(shares.stream().map(s -> s.percent().toPlainString()).toList()))
                .param("amounts", SqlArrays.text(shares.stream().map(s -> s.amount().toPlainString()).toList()))
                .update();
    }

    private List<CreditEntry> withShares(List<CreditEntry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        Map<Long, List<CreditShare>> shares = new HashMap<>();
        jdbc.sql("""
                SELECT s.entry_id, s.rep_id, r.name, s.team_id, s.percent, s.amount FROM credit_share s JOIN rep r ON r.id = s.rep_id
                WHERE s.entry_id = ANY(:ids) ORDER BY s.entry_id, s.position""")
                .param("ids", SqlArrays.bigint(entries.stream().map(CreditEntry::id).toList()))
                .query(rs -> {
                    shares.computeIfAbsent(rs.getLong("entry_id"), k -> new ArrayList<>()).add(new CreditShare(rs.getLong("rep_id"),
                            rs.getString("name"), rs.getLong("team_id"), rs.getBigDecimal("percent"), rs.getBigDecimal("amount")));
                });
        Map<Long, CreditEntry> ordered = new LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.id(), e.withShares(shares.getOrDefault(e.id(), List.of()))));
        return List.copyOf(ordered.values());
    }

    private static CreditEntry entry(ResultSet rs, int row) throws SQLException {
        Date confirmedOn = rs.getDate("confirmed_on");
        return new CreditEntry(rs.getLong("id"), rs.getLong("deal_id"), rs.getString("deal_name"),
                CreditEntry.Kind.valueOf(rs.getString("kind")), (Long) rs.getObject("reverses_id"), rs.getLong("owner_rep_id"),
                rs.getString("owner_name"), rs.getLong("owner_team_id"), new Money(rs.getBigDecimal("amount"), rs.getString("currency")),
                rs.getDate("won_on").toLocalDate(), SplitPolicy.valueOf(rs.getString("policy")), rs.getString("evidence"),
                CreditState.valueOf(rs.getString("state")), rs.getString("reason"), instant(rs, "submitted_at"), rs.getString("submitted_by"),
                instant(rs, "approved_at"), rs.getString("approved_by"), instant(rs, "confirmed_at"), rs.getString("confirmed_by"),
                confirmedOn == null ? null : confirmedOn.toLocalDate(), rs.getInt("version"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
