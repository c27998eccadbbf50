package dev.fairlead.audit;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the append-only audit trail. Writing requires the caller's transaction, so an
 * entry exists exactly when the change it describes was committed. There is no update or delete.
 */
@Service
public class AuditTrail {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Change change) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, team_id, rep_id, before, after, reason)
                VALUES (:at, :actor, :action, :type, :id, :team, :rep, CAST(:before AS jsonb), CAST(:after AS jsonb), :reason)
                """)
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", Viewers.actorName())
                .param("action", change.action())
                .param("type", change.entityType())
                .param("id", change.entityId())
                .param("team", change.teamId())
                .param("rep", change.repId())
                .param("before", toJson(change.before()))
                .param("after", toJson(change.after()))
                .param("reason", change.reason())
                .update();
    }

    /** Records many changes in one statement (a chunk of imported leads), all at the same moment and by the same actor. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, team_id, rep_id, before, after, reason)
                SELECT :at, :actor, c.action, c.type, c.id, c.team, c.rep, CAST(c.before AS jsonb), CAST(c.after AS jsonb), c.reason
                FROM unnest(:actions, :types, :ids, :teams, :reps, :befores, :afters, :reasons)
                     AS c(action, type, id, team, rep, before, after, reason)
                """)
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", Viewers.actorName())
                .param("actions", array("text", changes.stream().map(Change::action).toArray()))
                .param("types", array("text", changes.stream().map(Change::entityType).toArray()))
                .param("ids", array("text", changes.stream().map(Change::entityId).toArray()))
                .param("teams", array("bigint", changes.stream().map(Change::teamId).toArray()))
                .param("reps", array("bigint", changes.stream().map(Change::repId).toArray()))
                .param("befores", array("text", changes.stream().map(c -> toJson(c.before())).toArray()))
                .param("afters", array("text", changes.stream().map(c -> toJson(c.after())).toArray()))
                .param("reasons", array("text", changes.stream().map(Change::reason).toArray()))
                .update();
    }

    private static Object array(String type, Object[] values) {
        return new org.springframework.jdbc.core.support.AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(java.sql.Connection con, int sqlType, String typeName) throws SQLException {
                return con.createArrayOf(type, values);
            }
        };
    }

    @Transactional(readOnly = true)
    public AuditPage search(Viewer viewer, AuditFilter filter) {
        Map<String, Object> params = searchParams(viewer, filter);
        long total = jdbc.sql("SELECT count(*) FROM audit_event " + SEARCH_WHERE).params(params).query(Long.class).single();
        List<AuditEntry> items = jdbc.sql("SELECT * FROM audit_event " + SEARCH_WHERE + SEARCH_ORDER + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", filter.size())
                .param("offset", (long) filter.page() * filter.size())
                .query(this::entry)
                .list();
        return new AuditPage(items, total, filter.page(), filter.size());
    }

    /** How many entries {@link #search} finds (page and size aside): an export counts before it streams. */
    @Transactional(readOnly = true)
    public long count(Viewer viewer, AuditFilter filter) {
        return jdbc.sql("SELECT count(*) FROM audit_event " + SEARCH_WHERE).params(searchParams(viewer, filter)).query(Long.class).single();
    }

    /** The entries of {@link #search} one at a time from a cursor, newest first, at most {@code limit} (an export). */
    @Transactional(readOnly = true)
    public void forEach(Viewer viewer, AuditFilter filter, int limit, java.util.function.Consumer<? super AuditEntry> each) {
        try (java.util.stream.Stream<AuditEntry> rows = jdbc.sql("SELECT * FROM audit_event " + SEARCH_WHERE + SEARCH_ORDER + " LIMIT :limit")
                .withFetchSize(1000).params(searchParams(viewer, filter)).param("limit", limit).query(this::entry).stream()) {
            rows.forEach(each);
        }
    }

    /** The trail's scope and filter: the search, the page and the export run exactly this. */
    private static final String SEARCH_WHERE = """
            WHERE (:all OR team_id IN (SELECT team_subtree(:scopeTeam)) OR rep_id = :scopeRep OR actor = :me)
              AND (CAST(:type AS text) IS NULL OR entity_type = :type)
              AND (CAST(:entity AS text) IS NULL OR entity_id = :entity)
              AND (CAST(:actor AS text) IS NULL OR lower(actor) = lower(:actor))
              AND (CAST(:action AS text) IS NULL OR action = :action)
              AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR occurred_at < :to)
            """;
    private static final String SEARCH_ORDER = " ORDER BY occurred_at DESC, id DESC";

    private static Map<String, Object> searchParams(Viewer viewer, AuditFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("all", viewer.seesAll());
        params.put("scopeTeam", viewer.scopeTeamId());
        params.put("scopeRep", viewer.scopeRepId());
        params.put("me", viewer.username());
        params.put("type", blankToNull(filter.entityType()));
        params.put("entity", blankToNull(filter.entityId()));
        params.put("actor", blankToNull(filter.actor()));
        params.put("action", blankToNull(filter.action()));
        params.put("from", filter.from() == null ? null : Timestamp.from(filter.from()));
        params.put("to", filter.to() == null ? null : Timestamp.from(filter.to()));
        return params;
    }

    private AuditEntry entry(ResultSet rs, int row) throws SQLException {
        Map<String, Object> before = fromJson(rs.getString("before"));
        Map<String, Object> after = fromJson(rs.getString("after"));
        return new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                (Long) rs.getObject("team_id"),
                (Long) rs.getObject("rep_id"),
                before,
                after,
                rs.getString("reason"),
                differences(before, after));
    }

    static List<AuditEntry.FieldChange> differences(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> from = before == null ? Map.of() : before;
        Map<String, Object> to = after == null ? Map.of() : after;
        Set<String> fields = new LinkedHashSet<>(to.keySet());
        fields.addAll(from.keySet());
        List<AuditEntry.FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            if (!"version".equals(field) && !Objects.equals(from.get(field), to.get(field))) {
                changes.add(new AuditEntry.FieldChange(field, from.get(field), to.get(field)));
            }
        }
        return changes;
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private Map<String, Object> fromJson(String value) {
        return value == null ? null : json.readValue(value, MAP);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
