package dev.fairlead.routing.domain;

import dev.fairlead.org.Tier;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A rep as the engine sees them at the moment of a decision: profile, caps, availability and live
 * counters. {@code teamPath} is the rep's team and every team above it; {@code industries} and
 * {@code products} are in lower case (see {@link #lowerCase}); {@code history} the rep's conversion
 * per segment (industry, lower case) and overall under the empty key.
 */
public record RepState(
        long repId,
        String name,
        long teamId,
        List<Long> teamPath,
        Tier tier,
        Set<String> industries,
        Set<String> products,
        int weight,
        int maxOpenLeads,
        int maxNewPerDay,
        int maxNewPerMonth,
        Set<DayOfWeek> workingDays,
        List<DateRange> absences,
        Territories territories,
        boolean active,
        int openLeads,
        int newToday,
        int newThisMonth,
        int workloadPoints,
        Map<String, ConversionHistory> history,
        Reason offHours) {

    /** A rep as she is when calendars say nothing (or before they are applied): working whenever her days say so. */
    public RepState(long repId, String name, long teamId, List<Long> teamPath, Tier tier, Set<String> industries, Set<String> products,
            int weight, int maxOpenLeads, int maxNewPerDay, int maxNewPerMonth, Set<DayOfWeek> workingDays, List<DateRange> absences,
            Territories territories, boolean active, int openLeads, int newToday, int newThisMonth, int workloadPoints,
            Map<String, ConversionHistory> history) {
        this(repId, name, teamId, teamPath, tier, industries, products, weight, maxOpenLeads, maxNewPerDay, maxNewPerMonth,
                workingDays, absences, territories, active, openLeads, newToday, newThisMonth, workloadPoints, history, null);
    }

    public RepState {
        industries = industries == null ? Set.of() : industries;
        products = products == null ? Set.of() : products;
        teamPath = List.copyOf(teamPath);
        absences = List.copyOf(absences);
        history = history == null ? Map.of() : history;
    }

    public boolean outOfOfficeOn(LocalDate day) {
        for (DateRange a : absences) {
            if (a.covers(day)) {
                return true;
            }
        }
        return false;
    }

    public ConversionHistory historyIn(String segment) {
        return history.getOrDefault(segment, ConversionHistory.NONE);
    }

    /** The same rep after receiving one more lead. */
    public RepState withOneMoreLead() {
        return withCounters(openLeads + 1, newToday + 1, newThisMonth + 1);
    }

    public RepState withCounters(int open, int today, int month) {
        return new RepState(repId, name, teamId, teamPath, tier, industries, products, weight, maxOpenLeads, maxNewPerDay,
                maxNewPerMonth, workingDays, absences, territories, active, open, today, month, workloadPoints, history, offHours);
    }

    /**
     * The same rep as her team's calendar has her at the moment of a decision: working (on the day's
     * weekday, even a make-up working day or a duty shift outside her days) or off with the reason.
     */
    public RepState atWork(DayOfWeek today, Reason off) {
        Set<DayOfWeek> days = workingDays;
        if (off == null && !days.contains(today)) {
            java.util.EnumSet<DayOfWeek> more = days.isEmpty() ? java.util.EnumSet.noneOf(DayOfWeek.class) : java.util.EnumSet.copyOf(days);
            more.add(today);
            days = java.util.Collections.unmodifiableSet(more);
        }
        return new RepState(repId, name, teamId, teamPath, tier, industries, products, weight, maxOpenLeads, maxNewPerDay,
                maxNewPerMonth, days, absences, territories, active, openLeads, newToday, newThisMonth, workloadPoints, history, off);
    }

    /** Skills in the form the engine compares them: lower case. */
    public static Set<String> lowerCase(java.util.Collection<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
