package dev.fairlead.surveys.persistence;

import dev.fairlead.common.Viewer;
import dev.fairlead.surveys.Survey;
import dev.fairlead.surveys.SurveyQuery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SurveyRepository {

    /** A new survey's row. */
    public record NewSurvey(byte[] tokenHash, Long dealId, Long followUpId, Long customerId, long repId, long teamId,
            String subjectName, Instant visitedAt, String companyName, String contactName, String email, String locale, String sentBy,
            Instant createdAt, Instant expiresAt) {}

    private static final String SELECT = """
            SELECT s.*, r.name AS rep_name FROM satisfaction_survey s JOIN rep r ON r.id = s.rep_id
            """;
    private static final String SCOPE = "(:all OR s.team_id IN (SELECT team_subtree(:scopeTeam)) OR s.rep_id = :scopeRep)";

    private final JdbcClient jdbc;

    SurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewSurvey s) {
        return jdbc.sql("""
                        INSERT INTO satisfaction_survey (token_hash, deal_id, follow_up_id, customer_id, rep_id, team_id, subject_name, visited_at,
                            company_name, contact_name, email, locale, sent_by, created_at, expires_at)
                        VALUES (:hash, :deal, :followUp, :customer, :rep, :team, :subject, :visited, :company, :contact, :email, :locale,
                            :sentBy, :at, :expires) RETURNING id
                        """)
                .param("hash", s.tokenHash()).param("deal", s.dealId()).param("followUp", s.followUpId())
                .param("customer", s.customerId()).param("rep", s.repId()).param("team", s.teamId())
                .param("subject", s.subjectName()).param("visited", s.visitedAt() == null ? null : Timestamp.from(s.visitedAt())).param("company", s.companyName()).param("contact", s.contactName())
                .param("email", s.email()).param("locale", s.locale()).param("sentBy", s.sentBy())
                .param("at", Timestamp.from(s.createdAt())).param("expires", Timestamp.from(s.expiresAt()))
                .query(Long.class).single();
    }

    /** The open survey of a deal ({@code followUpId} null) or of a visit, locked; expired ones are still returned. */
    public Optional<Survey> lockOpen(Long dealId, Long followUpId) {
        String where = followUpId == null ? "s.deal_id = :deal AND s.follow_up_id IS NULL" : "s.follow_up_id = :followUp";
        return jdbc.sql(SELECT + " WHERE " + where + " AND s.answered_at IS NULL AND s.closed_at IS NULL FOR UPDATE OF s")
                .param("deal", dealId).param("followUp", followUpId).query(SurveyRepository::survey).optional();
    }

    public void close(long id, Instant at) {
        jdbc.sql("UPDATE satisfaction_survey SET closed_at = :at WHERE id = :id AND closed_at IS NULL")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    public Optional<Survey> find(Viewer viewer, long id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id AND " + SCOPE).params(scope(viewer)).param("id", id)
                .query(SurveyRepository::survey).optional();
    }

    /** The survey a token's hash opens (locked when {@code lock}), without any viewer: the token is the credential. */
    public Optional<Survey> byTokenHash(byte[] hash, boolean lock) {
        return jdbc.sql(SELECT + " WHERE s.token_hash = :hash AND s.closed_at IS NULL" + (lock ? " FOR UPDATE OF s" : ""))
                .param("hash", hash).query(SurveyRepository::survey).optional();
    }

    /** Records the answer if the survey is still unanswered; false when it was answered meanwhile. */
    public boolean answer(long id, int rating, String comment, Instant at) {
        return jdbc.sql("""
                        UPDATE satisfaction_survey SET rating = :rating, comment = :comment, answered_at = :at
                        WHERE id = :id AND answered_at IS NULL
                        """)
                .param("id", id).param("rating", rating).param("comment", comment).param("at", Timestamp.from(at))
                .update() == 1;
    }

    public List<Survey> list(Viewer viewer, SurveyQuery q, int limit) {
        return jdbc.sql(SELECT + " WHERE " + SCOPE + """
                         AND (CAST(:deal AS bigint) IS NULL OR s.deal_id = :deal)
                         AND (CAST(:customer AS bigint) IS NULL OR s.customer_id = :customer)
                         AND (CAST(:rep AS bigint) IS NULL OR s.rep_id = :rep)
                        ORDER BY s.created_at DESC, s.id DESC LIMIT :limit
                        """)
                .params(scope(viewer)).param("deal", q.dealId()).param("customer", q.customerId()).param("rep", q.repId())
                .param("limit", limit).query(SurveyRepository::survey).list();
    }

    /** Mean rating (1 decimal, half up) and number of answers per rep, of answers received in [from, until). */
    public Map<Long, Object[]> meanRatings(Collection<Long> reps, Instant from, Instant until) {
        Map<Long, Object[]> result = new HashMap<>();
        jdbc.sql("""
                        SELECT rep_id, round(avg(rating)::numeric, 1) AS mean, count(*) AS n FROM satisfaction_survey
                        WHERE rep_id = ANY(CAST(:reps AS bigint[])) AND answered_at >= :from AND answered_at < :until
                        GROUP BY rep_id
                        """)
                .param("reps", reps.toArray(Long[]::new)).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .query(rs -> {
                    result.put(rs.getLong("rep_id"), new Object[] {rs.getBigDecimal("mean"), rs.getLong("n")});
                });
        return result;
    }

    /** Counts one request from {@code client} and answers how many it made since {@code since} (this one included). */
    public long hit(String client, Instant at, Instant since) {
        jdbc.sql("DELETE FROM survey_request WHERE client = :client AND at < :since")
                .param("client", client).param("since", Timestamp.from(since)).update();
        jdbc.sql("INSERT INTO survey_request (client, at) VALUES (:client, :at)")
                .param("client", client).param("at", Timestamp.from(at)).update();
        return jdbc.sql("SELECT count(*) FROM survey_request WHERE client = :client AND at >= :since")
                .param("client", client).param("since", Timestamp.from(since)).query(Long.class).single();
    }

    private static Map<String, Object> scope(Viewer viewer) {
        return Map.of("all", viewer.seesAll(), "scopeTeam", viewer.scopeTeamId(), "scopeRep", viewer.scopeRepId());
    }

    private static Survey survey(ResultSet rs, int row) throws SQLException {
        return new Survey(rs.getLong("id"), (Long) rs.getObject("deal_id", Long.class), rs.getObject("follow_up_id", Long.class),
                rs.getObject("customer_id", Long.class), rs.getLong("rep_id"), rs.getString("rep_name"), rs.getLong("team_id"),
                rs.getString("subject_name"), instant(rs, "visited_at"), rs.getString("company_name"), rs.getString("contact_name"), rs.getString("email"),
                rs.getString("locale"), rs.getString("sent_by"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "answered_at"), rs.getObject("rating", Integer.class), rs.getString("comment"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

}
