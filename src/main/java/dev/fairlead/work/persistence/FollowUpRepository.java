package dev.fairlead.work.persistence;

import dev.fairlead.work.FollowUp;
import dev.fairlead.work.FollowUpCommand;
import dev.fairlead.work.FollowUpKind;
import dev.fairlead.work.FollowUpOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Follow-ups by what they were logged on. Deal and customer names are read from the deals module's
 * {@code deal} and the leads module's {@code customer} tables for display (as lead labels are, 0305).
 */
@Repository
public class FollowUpRepository {

    /** Where a follow-up was logged: a lead, a deal (with its lead and customer) or a customer. */
    public record Subject(Long leadId, Long dealId, Long customerId) {}

    private static final String SELECT = """
            SELECT f.*, r.name AS rep_name, d.name AS deal_name, c.name AS customer_name,
                   (SELECT t.id FROM task t WHERE t.follow_up_id = f.id ORDER BY t.id LIMIT 1) AS task_id
            FROM follow_up f LEFT JOIN rep r ON r.id = f.rep_id
                 LEFT JOIN deal d ON d.id = f.deal_id LEFT JOIN customer c ON c.id = f.customer_id
            """;

    private final JdbcClient jdbc;

    FollowUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Subject subject, Long repId, String author, FollowUpCommand cmd, Instant occurredAt, Instant now) {
        return jdbc.sql("""
                        INSERT INTO follow_up (lead_id, deal_id, customer_id, rep_id, author, kind, notes, outcome, next_step,
                                               next_follow_up_at, occurred_at, created_at)
                        VALUES (:lead, :deal, :customer, :rep, :author, :kind, :notes, :outcome, :nextStep, :next, :occurred, :now)
                        RETURNING id
                        """)
                .param("lead", subject.leadId()).param("deal", subject.dealId()).param("customer", subject.customerId()).param("rep", repId).param("author", author).param("kind", cmd.kind().name())
                .param("notes", cmd.notes()).param("outcome", cmd.outcome().name()).param("nextStep", cmd.nextStep())
                .param("next", cmd.nextFollowUpAt() == null ? null : Timestamp.from(cmd.nextFollowUpAt()))
                .param("occurred", Timestamp.from(occurredAt)).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    public Optional<FollowUp> find(long id) {
        return jdbc.sql(SELECT + " WHERE f.id = :id").param("id", id).query(FollowUpRepository::followUp).optional();
    }

    public List<FollowUp> forLead(long leadId) {
        return jdbc.sql(SELECT + " WHERE f.lead_id = :lead ORDER BY f.occurred_at DESC, f.id DESC")
                .param("lead", leadId).query(FollowUpRepository::followUp).list();
    }

    public List<FollowUp> forDeal(long dealId) {
        return jdbc.sql(SELECT + " WHERE f.deal_id = :deal ORDER BY f.occurred_at DESC, f.id DESC")
                .param("deal", dealId).query(FollowUpRepository::followUp).list();
    }

    /** The customer's follow-ups, including those logged on its deals. */
    public List<FollowUp> forCustomer(long customerId) {
        return jdbc.sql(SELECT + " WHERE f.customer_id = :customer ORDER BY f.occurred_at DESC, f.id DESC")
                .param("customer", customerId).query(FollowUpRepository::followUp).list();
    }

    private static FollowUp followUp(ResultSet rs, int n) throws SQLException {
        Timestamp next = rs.getTimestamp("next_follow_up_at");
        return new FollowUp(rs.getLong("id"), (Long) rs.getObject("lead_id"),
                (Long) rs.getObject("deal_id"), rs.getString("deal_name"), (Long) rs.getObject("customer_id"), rs.getString("customer_name"), (Long) rs.getObject("rep_id"), rs.getString("rep_name"),
                rs.getString("author"), FollowUpKind.valueOf(rs.getString("kind")), rs.getString("notes"),
                FollowUpOutcome.valueOf(rs.getString("outcome")), rs.getString("next_step"),
                next == null ? null : next.toInstant(), rs.getTimestamp("occurred_at").toInstant(), (Long) rs.getObject("task_id"));
    }
}
