package dev.fairlead.org.persistence;

import dev.fairlead.common.SqlArrays;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.Absence;
import dev.fairlead.org.AbsenceCommand;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepCommand;
import dev.fairlead.org.RepSchedule;
import dev.fairlead.org.Territory;
import dev.fairlead.org.TerritoryKind;
import dev.fairlead.org.Tier;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RepRepository {

    private static final String SELECT = "SELECT r.*, t.name AS team_name FROM rep r JOIN team t ON t.id = r.team_id";

    /** Optional filters for the rep list. */
    public record Filter(Long teamId, String text, Tier tier, Boolean active) {}

    private final JdbcClient jdbc;

    RepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Rep> findVisible(Viewer viewer, Filter filter) {
        List<Row> rows = jdbc.sql(SELECT + LIST_WHERE + LIST_ORDER).params(listParams(viewer, filter))
                .query(RepRepository::row)
                .list();
        return withDetails(rows);
    }

    /** The rep list's scope and filter: the list and its export run exactly this. */
    private static final String LIST_WHERE = " WHERE " + Scope.REPS + """
             AND (CAST(:team AS bigint) IS NULL OR r.team_id IN (SELECT team_subtree(:team)))
             AND (CAST(:text AS text) IS NULL OR r.name ILIKE '%' || :text || '%' OR r.email ILIKE '%' || :text || '%')
             AND (CAST(:tier AS text) IS NULL OR r.tier = :tier)
             AND (CAST(:active AS boolean) IS NULL OR r.active = :active)
            """;
    private static final String LIST_ORDER = " ORDER BY t.name, r.name, r.id";

    private static Map<String, Object> listParams(Viewer viewer, Filter filter) {
        Map<String, Object> p = new HashMap<>(Scope.params(viewer));
        p.put("team", filter.teamId());
        p.put("text", filter.text() == null || filter.text().isBlank() ? null : filter.text().trim());
        p.put("tier", filter.tier() == null ? null : filter.tier().name());
        p.put("active", filter.active());
        return p;
    }

    public long countVisible(Viewer viewer, Filter filter) {
        return jdbc.sql("SELECT count(*) FROM rep r JOIN team t ON t.id = r.team_id" + LIST_WHERE)
                .params(listParams(viewer, filter)).query(Long.class).single();
    }

    /** The rep list through a cursor, without territories and absences (an export); must run in a transaction. */
    public void forEachVisible(Viewer viewer, Filter filter, int limit, java.util.function.Consumer<? super Rep> each) {
        try (java.util.stream.Stream<Row> rows = jdbc.sql(SELECT + LIST_WHERE + LIST_ORDER + " LIMIT :limit")
                .withFetchSize(500).params(listParams(viewer, filter)).param("limit", limit)
                .query(RepRepository::row).stream()) {
            rows.forEach(r -> each.accept(r.toRep(List.of(), List.of())));
        }
    }

    public Optional<Rep> findVisible(Viewer viewer, long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id AND " + Scope.REPS)
                .params(Scope.params(viewer))
                .param("id", id)
                .query(RepRepository::row)
                .optional()
                .map(r -> withDetails(List.of(r)).get(0));
    }

    /**
     * For routing, in one round trip per detail table: every active rep when {@code allActive}, plus
     * every rep (active or not) in the given teams and the teams below them, plus the given reps. Ordered by id.
     */
    public List<Rep> findForRouting(boolean allActive, java.util.Collection<Long> teamIds, java.util.Collection<Long> repIds) {
        List<Row> rows = jdbc.sql(SELECT + """
                         WHERE (:all AND r.active)
                            OR r.team_id IN (SELECT team_subtree(x) FROM unnest(CAST(:teams AS bigint[])) AS x)
                            OR r.id = ANY(:reps)
                        ORDER BY r.id
                        """)
                .param("all", allActive)
                .param("teams", SqlArrays.bigint(teamIds))
                .param("reps", SqlArrays.bigint(repIds))
                .query(RepRepository::row)
                .list();
        return withDetails(rows);
    }

    /** Moves with every committed change to reps, their territories and absences, and teams (V60's triggers). */
    public long orgVersion() {
        return jdbc.sql("SELECT version FROM org_version").query(Long.class).single();
    }

    /** The rep's team and working days only (no territories, no absences): one statement. */
    public Optional<RepSchedule> schedule(long id) {
        return jdbc.sql("SELECT id, team_id, working_days FROM rep WHERE id = :id").param("id", id)
                .query((rs, n) -> new RepSchedule(rs.getLong("id"), rs.getLong("team_id"), days(rs.getArray("working_days"))))
                .optional();
    }

    public Optional<Rep> find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(RepRepository::row).optional()
                .map(r -> withDetails(List.of(r)).get(0));
    }

    public boolean emailTaken(String email, Long exceptId) {
        return email != null && jdbc.sql("SELECT EXISTS (SELECT 1 FROM rep WHERE lower(email) = lower(:email) AND id <> coalesce(:except, 0))")
                .param("email", email)
                .param("except", exceptId)
                .query(Boolean.class)
                .single();
    }

    public long insert(RepCommand cmd) {
        long id = jdbc.sql("""
                        INSERT INTO rep (team_id, name, email, phone, tier, industries, products, languages, weight,
                                         max_open_leads, max_new_per_day, max_new_per_month, working_days, hire_date, active)
                        VALUES (:team, :name, :email, :phone, :tier, :industries, :products, :languages, :weight,
                                :maxOpen, :maxDay, :maxMonth, CAST(:days AS smallint[]), :hired, :active)
                        RETURNING id
                        """)
                .params(columns(cmd))
                .query(Long.class)
                .single();
        replaceTerritories(id, cmd.territories());
        return id;
    }

    public boolean update(long id, RepCommand cmd) {
        Map<String, Object> params = columns(cmd);
        params.put("id", id);
        params.put("version", cmd.version());
        int changed = jdbc.sql("""
                        UPDATE rep SET team_id = :team, name = :name, email = :email, phone = :phone, tier = :tier,
                               industries = :industries, products = :products, languages = :languages, weight = :weight,
                               max_open_leads = :maxOpen, max_new_per_day = :maxDay, max_new_per_month = :maxMonth,
                               working_days = CAST(:days AS smallint[]), hire_date = :hired, active = :active,
                               version = version + 1
                        WHERE id = :id AND (CAST(:version AS integer) IS NULL OR version = :version)
                        """)
                .params(params)
                .update();
        if (changed == 1) {
            replaceTerritories(id, cmd.territories());
        }
        return changed == 1;
    }

    public long addAbsence(long repId, AbsenceCommand cmd) {
        return jdbc.sql("INSERT INTO rep_absence (rep_id, starts_on, ends_on, reason) VALUES (:rep, :from, :to, :reason) RETURNING id")
                .param("rep", repId)
                .param("from", Date.valueOf(cmd.startsOn()))
                .param("to", Date.valueOf(cmd.endsOn()))
                .param("reason", cmd.reason())
                .query(Long.class)
                .single();
    }

    public boolean removeAbsence(long repId, long absenceId) {
        return jdbc.sql("DELETE FROM rep_absence WHERE id = :id AND rep_id = :rep")
                .param("id", absenceId).param("rep", repId).update() == 1;
    }

    public int countActive() {
        return jdbc.sql("SELECT count(*) FROM rep WHERE active").query(Integer.class).single();
    }

    private void replaceTerritories(long repId, List<Territory> territories) {
        jdbc.sql("DELETE FROM rep_territory WHERE rep_id = :rep").param("rep", repId).update();
        for (Territory t : territories.stream().distinct().toList()) {
            jdbc.sql("INSERT INTO rep_territory (rep_id, kind, code) VALUES (:rep, :kind, :code)")
                    .param("rep", repId)
                    .param("kind", t.kind().name())
                    .param("code", t.code())
                    .update();
        }
    }

    private static Map<String, Object> columns(RepCommand cmd) {
        Map<String, Object> p = new HashMap<>();
        p.put("team", cmd.teamId());
        p.put("name", cmd.name().trim());
        p.put("email", cmd.email());
        p.put("phone", cmd.phone());
        p.put("tier", cmd.tier().name());
        p.put("industries", SqlArrays.text(trimmed(cmd.industries())));
        p.put("products", SqlArrays.text(trimmed(cmd.products())));
        p.put("languages", SqlArrays.text(trimmed(cmd.languages())));
        p.put("weight", cmd.weight());
        p.put("maxOpen", cmd.maxOpenLeads());
        p.put("maxDay", cmd.maxNewPerDay());
        p.put("maxMonth", cmd.maxNewPerMonth());
        p.put("days", SqlArrays.integer(cmd.workingDays().stream().map(DayOfWeek::getValue).sorted().toList()));
        p.put("hired", cmd.hireDate() == null ? null : Date.valueOf(cmd.hireDate()));
        p.put("active", cmd.active());
        return p;
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::trim).distinct().toList();
    }

    private List<Rep> withDetails(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Object ids = SqlArrays.bigint(rows.stream().map(r -> r.id).toList());
        Map<Long, List<Territory>> territories = new HashMap<>();
        jdbc.sql("SELECT rep_id, kind, code FROM rep_territory WHERE rep_id = ANY(:ids) ORDER BY kind, code")
                .param("ids", ids)
                .query(rs -> {
                    territories.computeIfAbsent(rs.getLong("rep_id"), k -> new ArrayList<>())
                            .add(new Territory(TerritoryKind.valueOf(rs.getString("kind")), rs.getString("code")));
                });
        Map<Long, List<Absence>> absences = new HashMap<>();
        jdbc.sql("SELECT * FROM rep_absence WHERE rep_id = ANY(:ids) ORDER BY starts_on")
                .param("ids", ids)
                .query(rs -> {
                    absences.computeIfAbsent(rs.getLong("rep_id"), k -> new ArrayList<>())
                            .add(new Absence(rs.getLong("id"), rs.getDate("starts_on").toLocalDate(),
                                    rs.getDate("ends_on").toLocalDate(), rs.getString("reason")));
                });
        return rows.stream()
                .map(r -> r.toRep(territories.getOrDefault(r.id, List.of()), absences.getOrDefault(r.id, List.of())))
                .toList();
    }

    /** A rep row before its territories and absences are attached. */
    private record Row(long id, long teamId, String teamName, String name, String email, String phone, Tier tier,
            List<String> industries, List<String> products, List<String> languages, int weight, int maxOpen,
            int maxDay, int maxMonth, Set<DayOfWeek> days, LocalDate hired, boolean active,
            java.time.Instant createdAt, int version) {

        Rep toRep(List<Territory> territories, List<Absence> absences) {
            return new Rep(id, teamId, teamName, name, email, phone, tier, industries, products, languages, weight,
                    maxOpen, maxDay, maxMonth, days, hired, active, List.copyOf(territories), List.copyOf(absences),
                    createdAt, version);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Date hired = rs.getDate("hire_date");
        return new Row(
                rs.getLong("id"),
                rs.getLong("team_id"),
                rs.getString("team_name"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                Tier.valueOf(rs.getString("tier")),
                strings(rs.getArray("industries")),
                strings(rs.getArray("products")),
                strings(rs.getArray("languages")),
                rs.getInt("weight"),
                rs.getInt("max_open_leads"),
                rs.getInt("max_new_per_day"),
                rs.getInt("max_new_per_month"),
                days(rs.getArray("working_days")),
                hired == null ? null : hired.toLocalDate(),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Set<DayOfWeek> days(Array array) throws SQLException {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (array != null) {
            Arrays.stream((Object[]) array.getArray()).map(n -> DayOfWeek.of(((Number) n).intValue())).forEach(days::add);
        }
        return days;
    }
}
