package dev.fairlead.insights.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Report schedules, their subscribers and the reports generated (V74). Reading a list answers only
 * what lies in the viewer's scope ({@code root} -1: everything, company reports included; else the team's
 * subtree), so a report outside it is simply not found (decision 0002).
 */
@Repository
public class ReportRepository {

    private static final String REPORT_COLUMNS = "r.id, r.team_id, r.unit_name, r.kind, r.period_label, r.period_start, r.period_end, "
            + "r.locale, r.origin, r.pdf_size, r.xlsx_size, r.generated_at, r.generated_by";
    private static final String IN_SCOPE = "(:root = -1 OR r.team_id IN (SELECT team_subtree(:root)))";

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ReportRow(long id, Long teamId, String unitName, String kind, String periodLabel, LocalDate periodStart,
            LocalDate periodEnd, String locale, String origin, int pdfSize, int xlsxSize, Instant generatedAt, String generatedBy) {}

    public record NewReport(Long teamId, String unitName, String kind, String periodLabel, LocalDate periodStart, LocalDate periodEnd,
            String locale, String origin, byte[] pdf, byte[] xlsx, Instant generatedAt, String generatedBy) {}

    /**
     * Stores a report; a scheduled one only when that unit, period and language has none yet (empty then:
     * another run or node stored it first).
     */
    public Optional<Long> insert(NewReport r) {
        return jdbc.sql("""
                INSERT INTO insight_report (team_id, unit_name, kind, period_label, period_start, period_end, locale, origin,
                                            pdf, pdf_size, xlsx, xlsx_size, generated_at, generated_by)
                VALUES (:team, :unit, :kind, :label, :start, :end, :locale, :origin, :pdf, :pdfSize, :xlsx, :xlsxSize, :at, :by)
                ON CONFLICT (coalesce(team_id, 0), kind, period_start, locale) WHERE origin = 'SCHEDULED' DO NOTHING
                RETURNING id
                """)
                .param("team", r.teamId()).param("unit", r.unitName()).param("kind", r.kind()).param("label", r.periodLabel())
                .param("start", r.periodStart()).param("end", r.periodEnd()).param("locale", r.locale()).param("origin", r.origin())
                .param("pdf", r.pdf()).param("pdfSize", r.pdf().length).param("xlsx", r.xlsx()).param("xlsxSize", r.xlsx().length)
                .param("at", Timestamp.from(r.generatedAt())).param("by", r.generatedBy())
                .query(Long.class).optional();
    }

    public boolean scheduledExists(Long teamId, String kind, LocalDate periodStart, String locale) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM insight_report WHERE coalesce(team_id, 0) = coalesce(CAST(:team AS bigint), 0)
                               AND kind = :kind AND period_start = :start AND locale = :locale AND origin = 'SCHEDULED')
                """).param("team", teamId).param("kind", kind).param("start", periodStart).param("locale", locale)
                .query(Boolean.class).single();
    }

    /** Reports in scope, newest period first; {@code teamId} narrows to one team's own (null: all in scope). */
    public List<ReportRow> list(long root, Long teamId, String kind, int limit) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM insight_report r WHERE " + IN_SCOPE
                        + " AND (CAST(:team AS bigint) IS NULL OR r.team_id = :team) AND (CAST(:kind AS varchar) IS NULL OR r.kind = :kind)"
                        + " ORDER BY r.period_start DESC, r.generated_at DESC, r.id DESC LIMIT :limit")
                .param("root", root).param("team", teamId).param("kind", kind).param("limit", limit)
                .query(ReportRepository::row).list();
    }

    public Optional<ReportRow> find(long root, long id) {
        return jdbc.sql("SELECT " + REPORT_COLUMNS + " FROM insight_report r WHERE r.id = :id AND " + IN_SCOPE)
                .param("id", id).param("root", root).query(ReportRepository::row).optional();
    }

    /** The stored file ({@code pdf} or {@code xlsx}) of a report in scope. */
    public Optional<byte[]> file(long root, long id, boolean pdf) {
        return jdbc.sql("SELECT " + (pdf ? "r.pdf" : "r.xlsx") + " FROM insight_report r WHERE r.id = :id AND " + IN_SCOPE)
                .param("id", id).param("root", root).query(byte[].class).optional();
    }

    private static ReportRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long team = rs.getLong(2);
        return new ReportRow(rs.getLong(1), rs.wasNull() ? null : team, rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), rs.getInt(10),
                rs.getInt(11), rs.getTimestamp(12).toInstant(), rs.getString(13));
    }

    // --- schedules and subscribers

    public record ScheduleRow(long id, Long teamId, String teamName, String kind, Integer weekday, boolean enabled, int version) {}

    private static final String SCHEDULE_COLUMNS = "s.id, s.team_id, t.name, s.kind, s.weekday, s.enabled, s.version";

    public List<ScheduleRow> schedules(long root) {
        return jdbc.sql("SELECT " + SCHEDULE_COLUMNS + " FROM insight_report_schedule s LEFT JOIN team t ON t.id = s.team_id"
                        + " WHERE (:root = -1 OR s.team_id IN (SELECT team_subtree(:root))) ORDER BY t.name NULLS FIRST, s.kind, s.id")
                .param("root", root).query(ReportRepository::schedule).list();
    }

    public Optional<ScheduleRow> schedule(long root, long id) {
        return jdbc.sql("SELECT " + SCHEDULE_COLUMNS + " FROM insight_report_schedule s LEFT JOIN team t ON t.id = s.team_id"
                        + " WHERE s.id = :id AND (:root = -1 OR s.team_id IN (SELECT team_subtree(:root)))")
                .param("id", id).param("root", root).query(ReportRepository::schedule).optional();
    }

    public List<ScheduleRow> enabledSchedules() {
        return jdbc.sql("SELECT " + SCHEDULE_COLUMNS + " FROM insight_report_schedule s LEFT JOIN team t ON t.id = s.team_id"
                        + " WHERE s.enabled AND (s.team_id IS NULL OR t.active) ORDER BY s.id")
                .query(ReportRepository::schedule).list();
    }

    private static ScheduleRow schedule(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        long team = rs.getLong(2);
        Long teamId = rs.wasNull() ? null : team;
        int weekday = rs.getInt(5);
        Integer day = rs.wasNull() ? null : weekday;
        return new ScheduleRow(rs.getLong(1), teamId, rs.getString(3), rs.getString(4), day, rs.getBoolean(6), rs.getInt(7));
    }

    /** Empty when the team (or the company) already has a schedule of that kind. */
    public Optional<Long> insertSchedule(Long teamId, String kind, Integer weekday, boolean enabled, String by, Instant at) {
        return jdbc.sql("""
                INSERT INTO insight_report_schedule (team_id, kind, weekday, enabled, created_by, created_at)
                VALUES (:team, :kind, :weekday, :enabled, :by, :at)
                ON CONFLICT (coalesce(team_id, 0), kind) DO NOTHING RETURNING id
                """).param("team", teamId).param("kind", kind).param("weekday", weekday).param("enabled", enabled)
                .param("by", by).param("at", Timestamp.from(at)).query(Long.class).optional();
    }

    public void updateSchedule(long id, Integer weekday, boolean enabled) {
        jdbc.sql("UPDATE insight_report_schedule SET weekday = :weekday, enabled = :enabled, version = version + 1 WHERE id = :id")
                .param("id", id).param("weekday", weekday).param("enabled", enabled).update();
    }

    public void deleteSchedule(long id) {
        jdbc.sql("DELETE FROM insight_report_schedule WHERE id = :id").param("id", id).update();
    }

    public void setSubscribers(long scheduleId, Collection<Long> userIds) {
        jdbc.sql("DELETE FROM insight_report_subscriber WHERE schedule_id = :id").param("id", scheduleId).update();
        for (Long user : userIds) {
            jdbc.sql("INSERT INTO insight_report_subscriber (schedule_id, user_id) VALUES (:id, :user) ON CONFLICT DO NOTHING")
                    .param("id", scheduleId).param("user", user).update();
        }
    }

    public record SubscriberRow(long userId, String username, String displayName, String locale) {}

    /** A schedule's subscribers who can still sign in. */
    public List<SubscriberRow> subscribers(long scheduleId) {
        return jdbc.sql("""
                SELECT u.id, u.username, u.display_name, u.locale FROM insight_report_subscriber s JOIN app_user u ON u.id = s.user_id
                WHERE s.schedule_id = :id AND u.enabled ORDER BY u.display_name, u.id
                """).param("id", scheduleId)
                .query((rs, i) -> new SubscriberRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /**
     * Of {@code userIds}, those who may receive the reports of team {@code teamId} (null: the company's):
     * directors, admins and finance always; managers whose team is that team or above it (they see its subtree).
     */
    public List<Long> eligibleSubscribers(Long teamId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT u.id FROM app_user u WHERE u.id IN (:ids) AND u.enabled
                  AND (u.role IN ('ADMIN', 'DIRECTOR', 'FINANCE')
                       OR (u.role = 'MANAGER' AND CAST(:team AS bigint) IS NOT NULL AND :team IN (SELECT team_subtree(u.team_id))))
                """).param("ids", userIds).param("team", teamId).query(Long.class).list();
    }

    /** Users who may be chosen as subscribers within scope {@code root}: its managers, and directors, admins and finance. */
    public List<SubscriberRow> candidates(long root) {
        return jdbc.sql("""
                SELECT u.id, u.username, u.display_name, u.locale FROM app_user u
                WHERE u.enabled AND (u.role IN ('ADMIN', 'DIRECTOR', 'FINANCE')
                                     OR (u.role = 'MANAGER' AND (:root = -1 OR u.team_id IN (SELECT team_subtree(:root)))))
                ORDER BY u.display_name, u.id
                """).param("root", root)
                .query((rs, i) -> new SubscriberRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    // --- alerts of a period, for the report

    public record AlertLine(String kind, String subjectName, String teamName, Instant openedAt, Instant closedAt) {}

    /** Alerts open at some time in [from, until) on the team's subtree (root -1: every team). */
    public List<AlertLine> alerts(long root, Instant from, Instant until) {
        return jdbc.sql("""
                SELECT a.kind, a.subject_name, t.name, a.opened_at, a.closed_at FROM insight_alert a JOIN team t ON t.id = a.team_id
                WHERE (:root = -1 OR a.team_id IN (SELECT team_subtree(:root)))
                  AND a.opened_at < :until AND (a.closed_at IS NULL OR a.closed_at >= :from)
                ORDER BY a.opened_at, a.id
                """).param("root", root).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .query((rs, i) -> new AlertLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
    }
}
