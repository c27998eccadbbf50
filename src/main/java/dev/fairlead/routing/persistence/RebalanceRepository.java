package dev.fairlead.routing.persistence;

import dev.fairlead.routing.RebalanceProposal;
import dev.fairlead.routing.RebalanceRequest;
import dev.fairlead.routing.domain.RebalancePlanner;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RebalanceRepository {

    private final JdbcClient jdbc;

    RebalanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Long teamId, RebalanceRequest req, RebalancePlanner.Plan plan, long solveMillis, String actor, Instant at) {
        long id = jdbc.sql("""
                        INSERT INTO routing_rebalance (team_id, status, guard_multiple, move_penalty, require_skill, leads, reps,
                                                       objective_before, objective_after, upper_bound, solve_millis, created_by, created_at)
                        VALUES (:team, 'PROPOSED', :guard, :penalty, :skill, :leads, :reps, :before, :after, :bound, :millis, :actor, :at)
                        RETURNING id
                        """)
                .param("team", teamId).param("guard", req.guardMultiple()).param("penalty", req.movePenalty())
                .param("skill", req.requireSkill()).param("leads", plan.leads()).param("reps", plan.reps())
                .param("before", plan.objectiveBefore()).param("after", plan.objectiveAfter()).param("bound", plan.upperBound())
                .param("millis", solveMillis).param("actor", actor).param("at", Timestamp.from(at))
                .query(Long.class).single();
        for (RebalancePlanner.Move m : plan.moves()) {
            jdbc.sql("INSERT INTO routing_rebalance_move (rebalance_id, lead_id, from_rep_id, to_rep_id, gain) VALUES (:id, :lead, :from, :to, :gain)")
                    .param("id", id).param("lead", m.leadId()).param("from", m.fromRepId()).param("to", m.toRepId()).param("gain", m.gain())
                    .update();
        }
        return id;
    }

    /** Locks the proposal while it is applied or discarded, so it is decided once. */
    public Optional<String> lockStatus(long id) {
        return jdbc.sql("SELECT status FROM routing_rebalance WHERE id = :id FOR UPDATE").param("id", id).query(String.class).optional();
    }

    public void decide(long id, String status, String actor, Instant at) {
        jdbc.sql("UPDATE routing_rebalance SET status = :status, decided_by = :actor, decided_at = :at WHERE id = :id")
                .param("id", id).param("status", status).param("actor", actor).param("at", Timestamp.from(at)).update();
    }

    public void moveDone(long moveId, String status, String skipReason) {
        jdbc.sql("UPDATE routing_rebalance_move SET status = :status, skip_reason = :reason WHERE id = :id")
                .param("id", moveId).param("status", status).param("reason", skipReason).update();
    }

    public Optional<RebalanceProposal> find(long id) {
        return jdbc.sql("SELECT * FROM routing_rebalance WHERE id = :id").param("id", id).query((rs, n) -> proposal(rs, moves(id))).optional();
    }

    private List<RebalanceProposal.ProposedMove> moves(long id) {
        return jdbc.sql("""
                        SELECT m.*, l.company, f.name AS from_name, t.name AS to_name FROM routing_rebalance_move m
                        JOIN lead l ON l.id = m.lead_id JOIN rep f ON f.id = m.from_rep_id JOIN rep t ON t.id = m.to_rep_id
                        WHERE m.rebalance_id = :id ORDER BY m.gain DESC, m.id
                        """)
                .param("id", id)
                .query((rs, n) -> new RebalanceProposal.ProposedMove(rs.getLong("id"), rs.getLong("lead_id"), rs.getString("company"),
                        rs.getLong("from_rep_id"), rs.getString("from_name"), rs.getLong("to_rep_id"), rs.getString("to_name"),
                        rs.getDouble("gain"), rs.getString("status"), rs.getString("skip_reason")))
                .list();
    }

    private static RebalanceProposal proposal(ResultSet rs, List<RebalanceProposal.ProposedMove> moves) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new RebalanceProposal(rs.getLong("id"), (Long) rs.getObject("team_id"), rs.getString("status"),
                rs.getDouble("guard_multiple"), rs.getDouble("move_penalty"), rs.getBoolean("require_skill"), rs.getInt("leads"),
                rs.getInt("reps"), rs.getDouble("objective_before"), rs.getDouble("objective_after"), rs.getDouble("upper_bound"),
                rs.getLong("solve_millis"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("decided_by"), decided == null ? null : decided.toInstant(), moves);
    }
}
