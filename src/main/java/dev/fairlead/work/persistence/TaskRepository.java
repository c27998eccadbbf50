package dev.fairlead.work.persistence;

import dev.fairlead.common.SqlArrays;
import dev.fairlead.common.Viewer;
import dev.fairlead.work.Task;
import dev.fairlead.work.TaskStatus;
import dev.fairlead.work.TaskType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tasks within a viewer's scope: a rep their own, a manager their teams', directors all. */
@Repository
public class TaskRepository {

    /** The columns of a new task. */
    public record NewTask(Long parentId, String title, String description, long ownerRepId, long ownerTeamId, String typeCode,
            int workloadPoints, boolean important, boolean urgent, boolean required, Instant dueAt, Long leadId,
            Long dealId, Long customerId, Long followUpId, String createdBy, Instant createdAt) {}

    /** A task due soon or overdue, with whom to remind. */
    public record Due(long id, String title, long ownerRepId, Instant dueAt, Long leadId) {}

    static final String SCOPE = "(:all OR t.owner_team_id IN (SELECT team_subtree(:scopeTeam)) OR t.owner_rep_id = :scopeRep)";
    private static final String SELECT = """
            SELECT t.*, r.name AS owner_name,
                   CASE WHEN l.id IS NULL THEN NULL WHEN l.company IS NULL THEN l.contact_name ELSE l.company || ' · ' || l.contact_name END AS lead_label,
                   d.name AS deal_name, c.name AS customer_name
            FROM task t JOIN rep r ON r.id = t.owner_rep_id LEFT JOIN lead l ON l.id = t.lead_id
                 LEFT JOIN deal d ON d.id = t.deal_id LEFT JOIN customer c ON c.id = t.customer_id
            """;

    private final JdbcClient jdbc;

    TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Map<String, Object> scope(Viewer viewer) {
        return Map.of("all", viewer.seesAll(), "scopeTeam", viewer.scopeTeamId(), "scopeRep", viewer.scopeRepId());
    }

    public long insert(NewTask t) {
        return jdbc.sql("""
                        INSERT INTO task (parent_id, title, description, owner_rep_id, owner_team_id, type_code, workload_points,
                                          important, urgent, required, due_at, lead_id, deal_id, customer_id, follow_up_id,
                                          created_by, created_at)
                        VALUES (:parent, :title, :description, :owner, :team, :type, :points, :important, :urgent, :required,
                                :due, :lead, :deal, :customer, :followUp, :createdBy, :createdAt) RETURNING id
                        """)
                .param("parent", t.parentId()).param("title", t.title()).param("description", t.description())
                .param("owner", t.ownerRepId()).param("team", t.ownerTeamId()).param("type", t.typeCode())
                .param("points", t.workloadPoints()).param("important", t.important()).param("urgent", t.urgent())
                .param("required", t.required()).param("due", t.dueAt() == null ? null : Timestamp.from(t.dueAt()))
                .param("lead", t.leadId()).param("deal", t.dealId()).param("customer", t.customerId()).param("followUp", t.followUpId()).param("createdBy", t.createdBy())
                .param("createdAt", Timestamp.from(t.createdAt()))
                .query(Long.class).single();
    }

    public Optional<Task> find(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(TaskRepository::task).optional()
                .map(t -> withSubtasks(List.of(t)).get(0));
    }

    public Optional<Task> findVisible(Viewer viewer, long id) {
        return jdbc.sql(SELECT + " WHERE t.id = :id AND " + SCOPE).params(scope(viewer)).param("id", id)
                .query(TaskRepository::task).optional().map(t -> withSubtasks(List.of(t)).get(0));
    }

    /** Top-level tasks of one rep: open ones, and those closed since {@code closedSince}. */
    public List<Task> ofRep(long repId, Instant closedSince) {
        return withSubtasks(jdbc.sql(SELECT + MINE_WHERE + MINE_ORDER).params(mineParams(repId, closedSince))
                .query(TaskRepository::task).list());
    }

    /** The rep's own list ({@link #ofRep}) and the scope's overdue list ({@link #overdue}): their exports run the same SQL. */
    private static final String MINE_WHERE = """
             WHERE t.owner_rep_id = :rep AND t.parent_id IS NULL
               AND (t.status IN ('OPEN', 'IN_PROGRESS') OR t.completed_at >= :since)
            """;
    private static final String MINE_ORDER = " ORDER BY t.due_at NULLS LAST, t.id";
    private static final String OVERDUE_WHERE = " WHERE t.status IN ('OPEN', 'IN_PROGRESS') AND t.due_at < :now AND " + SCOPE;
    private static final String OVERDUE_ORDER = " ORDER BY t.due_at, t.id";

    private static Map<String, Object> mineParams(long repId, Instant closedSince) {
        return Map.of("rep", repId, "since", Timestamp.from(closedSince));
    }

    private static Map<String, Object> overdueParams(Viewer viewer, Instant now) {
        Map<String, Object> p = new HashMap<>(scope(viewer));
        p.put("now", Timestamp.from(now));
        return p;
    }

    public long countOfRep(long repId, Instant closedSince) {
        return jdbc.sql("SELECT count(*) FROM task t" + MINE_WHERE).params(mineParams(repId, closedSince)).query(Long.class).single();
    }

    public long countOverdue(Viewer viewer, Instant now) {
        return jdbc.sql("SELECT count(*) FROM task t" + OVERDUE_WHERE).params(overdueParams(viewer, now)).query(Long.class).single();
    }

    /** {@link #ofRep} through a cursor, without subtasks (an export); must run in a transaction. */
    public void forEachOfRep(long repId, Instant closedSince, int limit, java.util.function.Consumer<? super Task> each) {
        stream(MINE_WHERE + MINE_ORDER, mineParams(repId, closedSince), limit, each);
    }

    /** {@link #overdue} through a cursor, without subtasks (an export); must run in a transaction. */
    public void forEachOverdue(Viewer viewer, Instant now, int limit, java.util.function.Consumer<? super Task> each) {
        stream(OVERDUE_WHERE + OVERDUE_ORDER, overdueParams(viewer, now), limit, each);
    }

    private void stream(String whereAndOrder, Map<String, Object> params, int limit, java.util.function.Consumer<? super Task> each) {
        try (java.util.stream.Stream<Task> rows = jdbc.sql(SELECT + whereAndOrder + " LIMIT :limit").withFetchSize(1000)
                .params(params).param("limit", limit).query(TaskRepository::task).stream()) {
            rows.forEach(each);
        }
    }

    /** Top-level tasks in the viewer's scope linked to each of the given lead, deal and customer (null: any); open ones first. */
    public List<Task> linkedTo(Viewer viewer, Long leadId, Long dealId, Long customerId) {
        return withSubtasks(jdbc.sql(SELECT + """
                         WHERE t.parent_id IS NULL
                           AND (CAST(:lead AS bigint) IS NULL OR t.lead_id = :lead)
                           AND (CAST(:deal AS bigint) IS NULL OR t.deal_id = :deal)
                           AND (CAST(:customer AS bigint) IS NULL OR t.customer_id = :customer)
                           AND """ + " " + SCOPE + """
                         ORDER BY t.status IN ('OPEN', 'IN_PROGRESS') DESC, t.due_at NULLS LAST, t.id
                        """)
                .params(scope(viewer)).param("lead", leadId).param("deal", dealId).param("customer", customerId)
                .query(TaskRepository::task).list());
    }

    public List<Task> overdue(Viewer viewer, Instant now) {
        return withSubtasks(jdbc.sql(SELECT + OVERDUE_WHERE + OVERDUE_ORDER).params(overdueParams(viewer, now))
                .query(TaskRepository::task).list());
    }

    /** Changes the status if the task is still in {@code from}; false when someone else changed it first. */
    public boolean setStatus(long id, TaskStatus from, TaskStatus to, Instant completedAt) {
        return jdbc.sql("""
                        UPDATE task SET status = :to, completed_at = :completed, version = version + 1
                        WHERE id = :id AND status = :from
                        """)
                .param("id", id).param("from", from.name()).param("to", to.name())
                .param("completed", completedAt == null ? null : Timestamp.from(completedAt)).update() == 1;
    }

    public List<Long> openSubtasks(long parentId) {
        return jdbc.sql("SELECT id FROM task WHERE parent_id = :parent AND status IN ('OPEN', 'IN_PROGRESS') ORDER BY id")
                .param("parent", parentId).query(Long.class).list();
    }

    /** Open tasks due between {@code from} (exclusive) and {@code to} (inclusive). */
    public List<Due> dueBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT id, title, owner_rep_id, due_at, lead_id FROM task
                        WHERE status IN ('OPEN', 'IN_PROGRESS') AND due_at > :from AND due_at <= :to ORDER BY due_at, id
                        """)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getString("title"), rs.getLong("owner_rep_id"),
                        rs.getTimestamp("due_at").toInstant(), (Long) rs.getObject("lead_id")))
                .list();
    }

    /** Records a reminder; false when this one was already sent. */
    public boolean recordReminder(long taskId, String kind, Instant dueAt, Instant now) {
        return jdbc.sql("""
                        INSERT INTO task_reminder (task_id, kind, due_at, sent_at) VALUES (:task, :kind, :due, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("task", taskId).param("kind", kind).param("due", Timestamp.from(dueAt)).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public boolean stillOpen(long taskId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM task WHERE id = :id AND status IN ('OPEN', 'IN_PROGRESS'))")
                .param("id", taskId).query(Boolean.class).single();
    }

    public List<TaskType> types() {
        return jdbc.sql("SELECT * FROM task_type ORDER BY code").query((rs, n) -> new TaskType(rs.getString("code"),
                rs.getString("name_en"), rs.getString("name_zh"), rs.getInt("workload_points"), rs.getInt("version"))).list();
    }

    public Optional<TaskType> type(String code) {
        return types().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public boolean setTypePoints(String code, int points, Integer version) {
        return jdbc.sql("""
                        UPDATE task_type SET workload_points = :points, version = version + 1
                        WHERE code = :code AND (CAST(:version AS integer) IS NULL OR version = :version)
                        """)
                .param("code", code).param("points", points).param("version", version).update() == 1;
    }

    private List<Task> withSubtasks(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return tasks;
        }
        Map<Long, List<Task>> byParent = new HashMap<>();
        jdbc.sql(SELECT + " WHERE t.parent_id = ANY(:ids) ORDER BY t.id")
                .param("ids", SqlArrays.bigint(tasks.stream().map(Task::id).toList()))
                .query(TaskRepository::task).list()
                .forEach(s -> byParent.computeIfAbsent(s.parentId(), k -> new ArrayList<>()).add(s));
        return tasks.stream().map(t -> new Task(t.id(), t.parentId(), t.title(), t.description(), t.ownerRepId(),
                t.ownerName(), t.ownerTeamId(), t.typeCode(), t.workloadPoints(), t.important(), t.urgent(), t.status(),
                t.required(), t.dueAt(), t.leadId(), t.leadLabel(), t.dealId(), t.dealName(), t.customerId(), t.customerName(), t.createdBy(), t.createdAt(), t.completedAt(),
                List.copyOf(byParent.getOrDefault(t.id(), List.of())), t.version())).toList();
    }

    private static Task task(ResultSet rs, int n) throws SQLException {
        return new Task(rs.getLong("id"), (Long) rs.getObject("parent_id"), rs.getString("title"), rs.getString("description"),
                rs.getLong("owner_rep_id"), rs.getString("owner_name"), rs.getLong("owner_team_id"), rs.getString("type_code"),
                rs.getInt("workload_points"), rs.getBoolean("important"), rs.getBoolean("urgent"),
                TaskStatus.valueOf(rs.getString("status")), rs.getBoolean("required"), instant(rs, "due_at"),
                (Long) rs.getObject("lead_id"), rs.getString("lead_label"), (Long) rs.getObject("deal_id"), rs.getString("deal_name"),
                (Long) rs.getObject("customer_id"), rs.getString("customer_name"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), instant(rs, "completed_at"), List.of(), rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
