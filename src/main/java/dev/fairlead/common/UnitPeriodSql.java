package dev.fairlead.common;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counting many {@link UnitPeriod}s in one query: the periods become a table {@code w} (key, team_id,
 * rep_id, t_from, t_until as timestamps in the application's zone, d_from, d_until as dates) that a
 * module joins its own facts to, grouped by {@code w.key}.
 */
public final class UnitPeriodSql {

    public static final String WINDOWS = """
            unnest(CAST(:w_keys AS text[]), CAST(:w_teams AS bigint[]), CAST(:w_reps AS bigint[]),
                   CAST(CAST(:w_froms AS text[]) AS timestamptz[]), CAST(CAST(:w_untils AS text[]) AS timestamptz[]),
                   CAST(CAST(:w_from_days AS text[]) AS date[]), CAST(CAST(:w_until_days AS text[]) AS date[]))
                   AS w(key, team_id, rep_id, t_from, t_until, d_from, d_until)""";

    private UnitPeriodSql() {}

    /** The condition that a row owned by rep {@code repColumn} in team {@code teamColumn} belongs to the window's unit. */
    public static String inUnit(String repColumn, String teamColumn) {
        return "(" + repColumn + " = w.rep_id OR (w.rep_id IS NULL AND " + teamColumn + " IN (SELECT team_subtree(w.team_id))))";
    }

    public static Map<String, Object> params(List<UnitPeriod> windows, ZoneId zone) {
        Map<String, Object> p = new HashMap<>();
        p.put("w_keys", SqlArrays.text(windows.stream().map(UnitPeriod::key).toList()));
        p.put("w_teams", SqlArrays.bigint(windows.stream().map(UnitPeriod::teamId).toList()));
        p.put("w_reps", SqlArrays.bigint(windows.stream().map(UnitPeriod::repId).toList()));
        p.put("w_froms", SqlArrays.text(windows.stream().map(w -> w.from().atStartOfDay(zone).toOffsetDateTime().toString()).toList()));
        p.put("w_untils", SqlArrays.text(windows.stream().map(w -> w.until().atStartOfDay(zone).toOffsetDateTime().toString()).toList()));
        p.put("w_from_days", SqlArrays.text(windows.stream().map(w -> w.from().toString()).toList()));
        p.put("w_until_days", SqlArrays.text(windows.stream().map(w -> w.until().toString()).toList()));
        return p;
    }
}
