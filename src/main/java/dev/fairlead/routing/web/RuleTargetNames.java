package dev.fairlead.routing.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import dev.fairlead.pool.Pool;
import dev.fairlead.pool.PoolService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Names for what routing rules point at: teams, reps and pools. A rule set routes the whole company,
 * so a manager reading it sees a region above their own team or a rep elsewhere by name, not by id
 * (names only; the viewer's scope still decides what they may pick and save).
 */
@Component
class RuleTargetNames {

    /** Names by id; {@code defaultPool} names the pool a rule without a pool id sends leads to. */
    record Names(Map<Long, String> teams, Map<Long, String> reps, Map<Long, String> pools, String defaultPool) {

        String team(Long id) {
            return label(teams, id);
        }

        String rep(Long id) {
            return label(reps, id);
        }

        String pool(Long id) {
            return id == null ? defaultPool : label(pools, id);
        }

        /** A deleted target keeps its id, so the reader still sees that something is wrong. */
        private static String label(Map<Long, String> names, Long id) {
            String name = id == null ? null : names.get(id);
            return name != null ? name : "#" + id;
        }
    }

    private final TeamService teams;
    private final RepService reps;
    private final PoolService pools;

    RuleTargetNames(TeamService teams, RepService reps, PoolService pools) {
        this.teams = teams;
        this.reps = reps;
        this.pools = pools;
    }

    Names all() {
        Viewer system = Viewer.system();
        Map<Long, String> teamNames = new LinkedHashMap<>();
        teams.list(system, true).forEach(t -> teamNames.put(t.id(), t.name()));
        Map<Long, String> repNames = new LinkedHashMap<>();
        reps.list(system, RepQuery.all()).forEach(r -> repNames.put(r.id(), r.name()));
        Map<Long, String> poolNames = new LinkedHashMap<>();
        String defaultPool = null;
        for (Pool p : pools.listForLabels()) {
            poolNames.put(p.id(), p.name());
            if (p.isDefault()) {
                defaultPool = p.name();
            }
        }
        return new Names(teamNames, repNames, poolNames, defaultPool);
    }

    /** The teams a viewer may pick, plus the rule's own team when it lies outside their scope (so editing keeps it). */
    static Map<Long, String> teamOptions(List<Team> visible, Long current, Names names) {
        Map<Long, String> options = new LinkedHashMap<>();
        visible.forEach(t -> options.put(t.id(), t.name()));
        if (current != null) {
            options.putIfAbsent(current, names.team(current));
        }
        return options;
    }

    /** The active reps a viewer may pick ("name · team"), plus the rule's own reps that are not among them. */
    static Map<Long, String> repOptions(List<Rep> visible, List<Long> current, Names names) {
        Map<Long, String> options = new LinkedHashMap<>();
        visible.forEach(r -> options.put(r.id(), r.name() + " · " + r.teamName()));
        current.stream().filter(java.util.Objects::nonNull).forEach(id -> options.putIfAbsent(id, names.rep(id)));
        return options;
    }

    /** The pools a viewer sees, plus the rule's own pool when it is not among them; the default pool is the empty choice. */
    static Map<Long, String> poolOptions(List<Pool> visible, Long current, Names names) {
        Map<Long, String> options = new LinkedHashMap<>();
        visible.stream().filter(p -> !p.isDefault()).forEach(p -> options.put(p.id(), p.name()));
        if (current != null) {
            options.putIfAbsent(current, names.pool(current));
        }
        return options;
    }
}
