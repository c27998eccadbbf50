package dev.fairlead.org;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A sales rep with everything the assignment engine needs to know about them. */
public record Rep(
        long id,
        long teamId,
        String teamName,
        String name,
        String email,
        String phone,
        Tier tier,
        List<String> industries,
        List<String> products,
        List<String> languages,
        int weight,
        int maxOpenLeads,
        int maxNewPerDay,
        int maxNewPerMonth,
        Set<DayOfWeek> workingDays,
        LocalDate hireDate,
        boolean active,
        List<Territory> territories,
        List<Absence> absences,
        Instant createdAt,
        int version) {

    public boolean outOfOfficeOn(LocalDate day) {
        return absences.stream().anyMatch(a -> a.covers(day));
    }

    public boolean worksOn(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek());
    }
}
