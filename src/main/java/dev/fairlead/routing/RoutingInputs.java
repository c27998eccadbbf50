package dev.fairlead.routing;

import dev.fairlead.leads.HistoricalLead;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadHistory;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.RepLoad;
import dev.fairlead.leads.SegmentConversion;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import dev.fairlead.org.Territory;
import dev.fairlead.routing.domain.ConversionHistory;
import dev.fairlead.routing.domain.DateRange;
import dev.fairlead.routing.domain.LeadFacts;
import dev.fairlead.routing.domain.RepState;
import dev.fairlead.routing.domain.Rule;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.routing.domain.Target;
import dev.fairlead.routing.domain.Territories;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Gathers what the engine needs from the other modules: lead facts, and rep states with live
 * counters. The rosters of live routing (reps with territories, absences and team paths) are kept
 * per set of rule targets and checked against the organisation's version on every lead: one
 * statement instead of four, and a change on any node is seen by the next lead (decision 0211).
 */
@Component
class RoutingInputs {

    /** Rosters kept at most; more target combinations than this start the cache afresh. */
    static final int MAX_ROSTERS = 256;

    /** Whom a set of rules can reach. */
    private record Targets(boolean everyone, Set<Long> teamIds, Set<Long> repIds) {}

    /** Reps as the engine takes them without counters (zeros), with the organisation version they were read at. */
    private record Roster(List<RepState> reps) {}

    /** Rosters read at one organisation version. */
    private record Rosters(long version, Map<Targets, Roster> byTargets) {}

    private volatile Rosters rosters = new Rosters(Long.MIN_VALUE, new ConcurrentHashMap<>());

    private final RepService reps;
    private final TeamService teams;
    private final LeadOwnership ownership;
    private final LeadHistory history;

    RoutingInputs(RepService reps, TeamService teams, LeadOwnership ownership, LeadHistory history) {
        this.reps = reps;
        this.teams = teams;
        this.ownership = ownership;
        this.history = history;
    }

    static LeadFacts facts(Lead l) {
        return new LeadFacts(l.id(), l.source().name(), l.company(), l.title(), l.industry(),
                l.companySize() == null ? null : l.companySize().name(), l.provinceCode(), l.cityCode(), l.postalCode(),
                l.productInterest(), l.budget() == null ? null : l.budget().doubleValue(), l.score(), l.grade(),
                l.createdAt(), null, null);
    }

    static LeadFacts facts(HistoricalLead l) {
        return new LeadFacts(l.id(), l.source().name(), l.company(), l.title(), l.industry(),
                l.companySize() == null ? null : l.companySize().name(), l.provinceCode(), l.cityCode(), l.postalCode(),
                l.productInterest(), l.budget() == null ? null : l.budget().doubleValue(), l.score(), l.grade(),
                l.createdAt(), l.closedAt(), l.closedAt() == null ? null : l.status() == dev.fairlead.leads.LeadStatus.CONVERTED);
    }

    /** The reps these rules can reach, minus {@code excluded}, with today's counters; ordered by id. */
    List<RepState> repsFor(Collection<Rule> rules, Set<Long> excluded) {
        return repsFor(rules, excluded, () -> { });
    }

    /** The same; {@code beforeCounters} runs right before the counters are read (the last read). */
    List<RepState> repsFor(Collection<Rule> rules, Set<Long> excluded, Runnable beforeCounters) {
        boolean everyone = false;
        boolean withHistory = false;
        Set<Long> teamIds = new LinkedHashSet<>();
        Set<Long> repIds = new LinkedHashSet<>();
        for (Rule rule : rules) {
            withHistory |= rule.strategy() == StrategyKind.BEST_FIT;
            if (rule.target() instanceof Target.Everyone) {
                everyone = true;
            } else if (rule.target() instanceof Target.Team t) {
                teamIds.add(t.teamId());
            } else if (rule.target() instanceof Target.Reps r) {
                repIds.addAll(r.repIds());
            }
        }
        if (!everyone && teamIds.isEmpty() && repIds.isEmpty()) {
            return List.of();
        }
        List<RepState> roster = roster(new Targets(everyone, Set.copyOf(teamIds), Set.copyOf(repIds))).reps().stream()
                .filter(r -> !excluded.contains(r.repId())).toList();
        if (roster.isEmpty()) {
            return List.of();
        }
        List<Long> ids = roster.stream().map(RepState::repId).toList();
        Map<Long, Map<String, ConversionHistory>> conversions = withHistory ? conversions(ids) : Map.of();
        beforeCounters.run();
        Map<Long, RepLoad> loads = ownership.loads(ids);
        List<RepState> states = new ArrayList<>(roster.size());
        for (RepState r : roster) {
            states.add(withCounters(r, loads.get(r.repId()), conversions.getOrDefault(r.repId(), Map.of())));
        }
        return states;
    }

    /**
     * The reps these targets reach, as of the organisation's current version: from memory when
     * nothing changed since they were read (the version is read first, so a roster is never older
     * than its label), otherwise read again.
     */
    private Roster roster(Targets targets) {
        long version = reps.rosterVersion();
        Rosters current = rosters;
        if (current.version() != version) {
            current = new Rosters(version, new ConcurrentHashMap<>());
            rosters = current;
        }
        Roster roster = current.byTargets().get(targets);
        if (roster == null) {
            List<Rep> found = reps.forRouting(targets.everyone(), targets.teamIds(), targets.repIds());
            roster = new Roster(states(found, false, () -> { }, false));
            if (current.byTargets().size() >= MAX_ROSTERS) {
                current.byTargets().clear();
            }
            current.byTargets().put(targets, roster);
        }
        return roster;
    }

    private static RepState withCounters(RepState r, RepLoad load, Map<String, ConversionHistory> history) {
        RepLoad l = load == null ? RepLoad.empty(r.repId()) : load;
        return new RepState(r.repId(), r.name(), r.teamId(), r.teamPath(), r.tier(), r.industries(), r.products(), r.weight(),
                r.maxOpenLeads(), r.maxNewPerDay(), r.maxNewPerMonth(), r.workingDays(), r.absences(), r.territories(), r.active(),
                l.openLeads(), l.newToday(), l.newThisMonth(), l.workloadPoints(), history, r.offHours());
    }

    /** Rep states for these reps with today's counters (and conversion history when asked). */
    List<RepState> states(List<Rep> found, boolean withHistory) {
        return states(found, withHistory, () -> { }, true);
    }

    private List<RepState> states(List<Rep> found, boolean withHistory, Runnable beforeCounters, boolean withCounters) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Long> ids = found.stream().map(Rep::id).toList();
        Map<Long, List<Long>> paths = teams.ancestry(new HashSet<>(found.stream().map(Rep::teamId).toList()));
        Map<Long, Map<String, ConversionHistory>> conversions = withHistory ? conversions(ids) : Map.of();
        beforeCounters.run();
        Map<Long, RepLoad> loads = withCounters ? ownership.loads(ids) : Map.of();
        List<RepState> states = new ArrayList<>(found.size());
        for (Rep rep : found) {
            states.add(state(rep, loads.get(rep.id()), paths.getOrDefault(rep.teamId(), List.of(rep.teamId())),
                    conversions.getOrDefault(rep.id(), Map.of())));
        }
        return states;
    }

    Map<Long, Map<String, ConversionHistory>> conversions(Collection<Long> repIds) {
        Map<Long, Map<String, ConversionHistory>> result = new HashMap<>();
        for (SegmentConversion c : history.conversions(repIds)) {
            result.computeIfAbsent(c.repId(), k -> new HashMap<>()).put(c.segment(), new ConversionHistory(c.won(), c.closed()));
        }
        return result;
    }

    static RepState state(Rep rep, RepLoad load, List<Long> teamPath, Map<String, ConversionHistory> history) {
        Set<String> provinces = new HashSet<>();
        Set<String> cities = new HashSet<>();
        List<String> postal = new ArrayList<>();
        for (Territory t : rep.territories()) {
            switch (t.kind()) {
                case PROVINCE -> provinces.add(t.code());
                case CITY -> cities.add(t.code());
                case POSTAL_PREFIX -> postal.add(t.code());
            }
        }
        RepLoad l = load == null ? RepLoad.empty(rep.id()) : load;
        return new RepState(rep.id(), rep.name(), rep.teamId(), teamPath, rep.tier(), RepState.lowerCase(rep.industries()),
                RepState.lowerCase(rep.products()), rep.weight(), rep.maxOpenLeads(), rep.maxNewPerDay(), rep.maxNewPerMonth(),
                rep.workingDays(), rep.absences().stream().map(a -> new DateRange(a.startsOn(), a.endsOn())).toList(),
                new Territories(provinces, cities, postal), rep.active(), l.openLeads(), l.newToday(), l.newThisMonth(),
                l.workloadPoints(), history);
    }
}
