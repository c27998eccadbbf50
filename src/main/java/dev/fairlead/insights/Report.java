package dev.fairlead.insights;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A generated report as listed: its unit (a team, or the company when {@code teamId} is null), period,
 * language, whether the schedule or someone on demand made it, and the sizes of its PDF and XLSX.
 */
public record Report(long id, Long teamId, String unitName, String kind, String period, LocalDate from, LocalDate until,
        String locale, String origin, int pdfSize, int xlsxSize, Instant generatedAt, String generatedBy, String pdfLink,
        String xlsxLink) {}
