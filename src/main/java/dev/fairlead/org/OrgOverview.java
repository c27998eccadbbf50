package dev.fairlead.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The organisation at a glance, as one viewer sees it: the team tree with head-count, capacity and absences. */
public record OrgOverview(
        int teams, int activeReps, int outOfOfficeToday, int openLeadCapacity, Map<Tier, Long> repsByTier, List<Row> tree) {

    /** One team in tree order; {@code depth} indents it under its parent. */
    public record Row(Team team, int depth, int reps, int capacity, int outToday) {}

    public static OrgOverview of(List<Team> teams, List<Rep> reps, LocalDate today) {
        List<Rep> active = reps.stream().filter(Rep::active).toList();
        Map<Tier, Long> byTier = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            byTier.put(tier, active.stream().filter(r -> r.tier() == tier).count());
        }
        Map<Long, List<Rep>> repsByTeam = active.stream().collect(Collectors.groupingBy(Rep::teamId));
        Set<Long> visible = teams.stream().map(Team::id).collect(Collectors.toSet());
        List<Row> rows = new ArrayList<>();
        teams.stream()
                .filter(t -> t.parentId() == null || !visible.contains(t.parentId()))
                .sorted(Comparator.comparing(Team::name))
                .forEach(root -> walk(root, 0, teams, repsByTeam, today, rows));
        return new OrgOverview(
                teams.size(),
                active.size(),
                (int) active.stream().filter(r -> r.outOfOfficeOn(today)).count(),
                active.stream().mapToInt(Rep::maxOpenLeads).sum(),
                byTier,
                rows);
    }

    private static void walk(Team team, int depth, List<Team> all, Map<Long, List<Rep>> repsByTeam, LocalDate today,
            List<Row> out) {
        List<Rep> members = repsByTeam.getOrDefault(team.id(), List.of());
        out.add(new Row(team, depth, members.size(), members.stream().mapToInt(Rep::maxOpenLeads).sum(),
                (int) members.stream().filter(r -> r.outOfOfficeOn(today)).count()));
        all.stream()
                .filter(t -> team.id() == (t.parentId() == null ? -1 : t.parentId()))
                .sorted(Comparator.comparing(Team::name))
                .forEach(child -> walk(child, depth + 1, all, repsByTeam, today, out));
    }
}
