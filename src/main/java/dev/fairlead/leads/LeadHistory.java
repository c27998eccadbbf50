package dev.fairlead.leads;

import dev.fairlead.common.SqlArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only views of lead history for the system (routing backtests, best-fit conversion rates,
 * rebalancing, bulk reassignment). No viewer scope: callers check the viewer themselves.
 */
@Service
public class LeadHistory {

    private static final String COLUMNS = """
            id, source, company, title, industry, company_size, province_code, city_code, postal_code, product_interest,
            budget, score, grade, status, owner_rep_id, created_at, closed_at
            """;

    private static final String CREATED_IN = "created_at >= :from AND created_at < :to AND duplicate_of IS NULL"
            + " AND (CAST(:team AS bigint) IS NULL OR owner_team_id IN (SELECT team_subtree(:team)))";

    private final JdbcClient jdbc;
    private final JdbcClient streaming;

    LeadHistory(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(2_000);
        this.streaming = JdbcClient.create(new NamedParameterJdbcTemplate(cursor));
    }

    /**
     * Every lead created from {@code from} (inclusive) to {@code to} (exclusive) that is not a merged
     * duplicate, oldest first, streamed in bounded memory; only those owned by {@code teamId} and the
     * teams below it when that is not null (a manager's part of the organisation).
     */
    @Transactional(readOnly = true)
    public void forEachCreated(Instant from, Instant to, Long teamId, Consumer<HistoricalLead> consumer) {
        streaming.sql("SELECT " + COLUMNS + " FROM lead WHERE " + CREATED_IN + " ORDER BY created_at, id")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("team", teamId)
                .query(rs -> {
                    consumer.accept(lead(rs));
                });
    }

    /** How many leads {@link #forEachCreated(Instant, Instant, Long, Consumer)} streams. */
    @Transactional(readOnly = true)
    public long countCreated(Instant from, Instant to, Long teamId) {
        return jdbc.sql("SELECT count(*) FROM lead WHERE " + CREATED_IN)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("team", teamId)
                .query(Long.class)
                .single();
    }

    /** Open leads owned by any of these reps (all owned open leads when {@code repIds} is null), by id. */
    @Transactional(readOnly = true)
    public List<HistoricalLead> openOwnedBy(Collection<Long> repIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lead WHERE owner_rep_id IS NOT NULL"
                        + " AND (CAST(:all AS boolean) OR owner_rep_id = ANY(:reps))"
                        + " AND status IN ('NEW', 'CONTACTED', 'QUALIFIED') ORDER BY id")
                .param("all", repIds == null)
                .param("reps", SqlArrays.bigint(repIds == null ? List.of() : repIds))
                .query((rs, n) -> lead(rs))
                .list();
    }

    /** Won and closed leads per rep and industry (leads without industry count only in the totals), plus each rep's totals under the empty segment. */
    @Transactional(readOnly = true)
    public List<SegmentConversion> conversions(Collection<Long> repIds) {
        return jdbc.sql("""
                        SELECT rep, CASE WHEN GROUPING(segment) = 1 THEN '' ELSE segment END AS segment,
                               count(*) FILTER (WHERE won) AS won, count(*) AS closed
                        FROM (SELECT owner_rep_id AS rep, coalesce(lower(industry), '') AS segment, status = 'CONVERTED' AS won
                              FROM lead WHERE owner_rep_id = ANY(:reps) AND status IN ('CONVERTED', 'LOST')) closed_leads
                        GROUP BY GROUPING SETS ((rep, segment), (rep))
                        HAVING GROUPING(segment) = 1 OR segment <> ''
                        """)
                .param("reps", SqlArrays.bigint(repIds))
                .query((rs, n) -> new SegmentConversion(rs.getLong("rep"), rs.getString("segment"), rs.getInt("won"),
                        rs.getInt("closed")))
                .list();
    }

    private static HistoricalLead lead(ResultSet rs) throws SQLException {
        String size = rs.getString("company_size");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new HistoricalLead(
                rs.getLong("id"),
                LeadSource.valueOf(rs.getString("source")),
                rs.getString("company"),
                rs.getString("title"),
                rs.getString("industry"),
                size == null ? null : CompanySize.valueOf(size),
                rs.getString("province_code"),
                rs.getString("city_code"),
                rs.getString("postal_code"),
                rs.getString("product_interest"),
                rs.getBigDecimal("budget"),
                (Integer) rs.getObject("score"),
                rs.getString("grade"),
                LeadStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("owner_rep_id"),
                rs.getTimestamp("created_at").toInstant(),
                closed == null ? null : closed.toInstant());
    }
}
