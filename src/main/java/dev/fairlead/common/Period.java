package dev.fairlead.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stretch of the calendar: a year, quarter, month, ISO week (Monday to Sunday) or day, from
 * {@code start} (inclusive) to {@code end} (exclusive). A week cut out of a month or a year may be
 * shorter than seven days ("clipped"): children never reach outside their parent.
 */
public record Period(PeriodKind kind, LocalDate start, LocalDate end) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    public Period {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A period ends after it starts: " + start + " .. " + end);
        }
    }

    public static Period year(int year) {
        return of(PeriodKind.YEAR, LocalDate.of(year, 1, 1));
    }

    public static Period quarter(int year, int quarter) {
        return of(PeriodKind.QUARTER, LocalDate.of(year, (quarter - 1) * 3 + 1, 1));
    }

    public static Period month(int year, int month) {
        return of(PeriodKind.MONTH, LocalDate.of(year, month, 1));
    }

    public static Period week(LocalDate anyDay) {
        return of(PeriodKind.WEEK, anyDay);
    }

    public static Period day(LocalDate day) {
        return of(PeriodKind.DAY, day);
    }

    /** The whole period of this kind that contains the day. */
    public static Period of(PeriodKind kind, LocalDate day) {
        return switch (kind) {
            case YEAR -> new Period(kind, day.withDayOfYear(1), day.withDayOfYear(1).plusYears(1));
            case QUARTER -> {
                LocalDate first = day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
                yield new Period(kind, first, first.plusMonths(3));
            }
            case MONTH -> new Period(kind, day.withDayOfMonth(1), day.withDayOfMonth(1).plusMonths(1));
            case WEEK -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new Period(kind, monday, monday.plusWeeks(1));
            }
            case DAY -> new Period(kind, day, day.plusDays(1));
        };
    }

    /** Reads {@code 2026}, {@code 2026-Q1}, {@code 2026-03}, {@code 2026-W10} (ISO week) or {@code 2026-03-05}. */
    public static Period parse(String text) {
        String s = text == null ? "" : text.trim().toUpperCase();
        Matcher m;
        if ((m = YEAR.matcher(s)).matches()) {
            return year(Integer.parseInt(m.group(1)));
        }
        if ((m = QUARTER.matcher(s)).matches()) {
            return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = MONTH.matcher(s)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return month(Integer.parseInt(m.group(1)), month);
            }
        }
        if ((m = WEEK.matcher(s)).matches()) {
            int year = Integer.parseInt(m.group(1));
            int week = Integer.parseInt(m.group(2));
            LocalDate mid = LocalDate.of(year, 6, 1);
            if (week >= 1 && week <= mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                return week(mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
            }
        }
        try {
            return day(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a period: '" + text + "' (use 2026, 2026-Q1, 2026-03, 2026-W10 or 2026-03-05)");
        }
    }

    /** {@code 2026}, {@code 2026-Q1}, {@code 2026-03}, {@code 2026-W10}, {@code 2026-03-05}; a clipped week adds its days. */
    public String label() {
        String label = switch (kind) {
            case YEAR -> String.valueOf(start.getYear());
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
            case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case DAY -> start.toString();
        };
        return isWhole() ? label : label + " (" + start + "…" + end.minusDays(1) + ")";
    }

    /** False for a week cut short by its parent's boundary. */
    public boolean isWhole() {
        return equals(of(kind, start));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }

    public boolean contains(Period other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(start, end);
    }

    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    /** The periods of a finer kind that make up this one, clipped to it, in order. */
    public List<Period> children(PeriodKind finer) {
        if (!finer.finerThan(kind)) {
            throw new IllegalArgumentException(finer + " does not divide a " + kind);
        }
        List<Period> children = new ArrayList<>();
        LocalDate cursor = start;
        while (cursor.isBefore(end)) {
            Period whole = of(finer, cursor);
            LocalDate childEnd = whole.end.isAfter(end) ? end : whole.end;
            children.add(new Period(finer, cursor, childEnd));
            cursor = childEnd;
        }
        return children;
    }

    /** The whole period of the same kind just before this one. */
    public Period previous() {
        return of(kind, start.minusDays(1));
    }

    /** The whole period of the same kind one year earlier (for a week: 52 weeks earlier). */
    public Period sameLastYear() {
        return kind == PeriodKind.WEEK ? of(kind, start.minusWeeks(52)) : of(kind, start.minusYears(1));
    }

    /** The whole period of the same kind just after this one. */
    public Period next() {
        return of(kind, end);
    }

    @Override
    public String toString() {
        return label();
    }
}
