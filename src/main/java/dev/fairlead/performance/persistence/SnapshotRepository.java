package dev.fairlead.performance.persistence;

import dev.fairlead.common.Period;
import dev.fairlead.performance.RepScorecard;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Frozen scorecards: the whole card as JSON, so a later edit of what it was computed from changes nothing. */
@Repository
public class SnapshotRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SnapshotRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The frozen cards of these reps for the period, by rep id. */
    public Map<Long, RepScorecard> find(Collection<Long> repIds, Period period) {
        Map<Long, RepScorecard> cards = new HashMap<>();
        if (repIds.isEmpty()) {
            return cards;
        }
        jdbc.sql("""
                        SELECT rep_id, card FROM scorecard_snapshot
                        WHERE rep_id = ANY(CAST(:reps AS bigint[])) AND period_kind = :kind AND period_start = :start
                        """)
                .param("reps", dev.fairlead.common.SqlArrays.bigint(List.copyOf(repIds)))
                .param("kind", period.kind().name()).param("start", Date.valueOf(period.start()))
                .query(rs -> {
                    cards.put(rs.getLong("rep_id"), json.readValue(rs.getString("card"), RepScorecard.class));
                });
        return cards;
    }

    public Optional<RepScorecard> find(long repId, Period period) {
        return Optional.ofNullable(find(List.of(repId), period).get(repId));
    }

    /** Freezes a card unless one is frozen already; true when this call froze it. */
    public boolean insert(RepScorecard card, Period period, String actor, Instant at) {
        return jdbc.sql("""
                        INSERT INTO scorecard_snapshot (rep_id, team_id, period_kind, period_start, period_end, scheme_id, total, card,
                                                        frozen_by, frozen_at)
                        VALUES (:rep, :team, :kind, :start, :end, :scheme, :total, CAST(:card AS jsonb), :actor, :at)
                        ON CONFLICT (rep_id, period_kind, period_start) DO NOTHING
                        """)
                .params(params(card, period)).param("actor", actor).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Replaces a frozen card by a recalculated one, with the reason. */
    public void replace(RepScorecard card, Period period, String actor, Instant at, String reason) {
        jdbc.sql("""
                        UPDATE scorecard_snapshot SET team_id = :team, scheme_id = :scheme, total = :total, card = CAST(:card AS jsonb),
                               recalculated_by = :actor, recalculated_at = :at, recalc_reason = :reason
                        WHERE rep_id = :rep AND period_kind = :kind AND period_start = :start
                        """)
                .params(params(card, period)).param("actor", actor).param("at", Timestamp.from(at)).param("reason", reason)
                .update();
    }

    private Map<String, Object> params(RepScorecard card, Period period) {
        Map<String, Object> p = new HashMap<>();
        p.put("rep", card.repId());
        p.put("team", card.teamId());
        p.put("kind", period.kind().name());
        p.put("start", Date.valueOf(period.start()));
        p.put("end", Date.valueOf(period.end()));
        p.put("scheme", card.schemeId());
        p.put("total", card.card().total());
        p.put("card", json.writeValueAsString(card));
        return p;
    }
}
