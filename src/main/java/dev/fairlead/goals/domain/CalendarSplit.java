package dev.fairlead.goals.domain;

import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weights for cutting a period into finer ones (quarters, months, weeks, days). Days are only the
 * working days of the calendar. EQUAL gives each piece the same weight; WORKING_DAYS weighs a piece
 * by the working days in it; SEASONALITY gives each month its weight from the curve and spreads it
 * evenly over that month's working days, so weeks and days get their month's share of the season.
 */
public final class CalendarSplit {

    public enum Method { EQUAL, WORKING_DAYS, SEASONALITY }

    public record Piece(Period period, BigDecimal weight) {}

    private CalendarSplit() {}

    public static List<Piece> pieces(Period parent, PeriodKind granularity, Method method, WorkingCalendar calendar,
            Seasonality season) {
        List<Period> children = parent.children(granularity);
        if (granularity == PeriodKind.DAY) {
            children = children.stream().filter(p -> calendar.works(p.start())).toList();
        }
        Map<YearMonth, Integer> workingDaysInMonth = new HashMap<>();
        List<Piece> pieces = new ArrayList<>();
        for (Period child : children) {
            BigDecimal weight = switch (method) {
                case EQUAL -> BigDecimal.ONE;
                case WORKING_DAYS -> BigDecimal.valueOf(calendar.count(child));
                case SEASONALITY -> seasonalWeight(child, calendar, season, workingDaysInMonth);
            };
            if (method == Method.EQUAL || weight.signum() > 0) {
                pieces.add(new Piece(child, weight));
            }
        }
        return pieces;
    }

    /** Each month's weight times the share of that month's working days that fall in the piece. */
    private static BigDecimal seasonalWeight(Period child, WorkingCalendar calendar, Seasonality season,
            Map<YearMonth, Integer> cache) {
        Map<YearMonth, Integer> daysInPiece = new java.util.TreeMap<>();
        for (LocalDate d = child.start(); d.isBefore(child.end()); d = d.plusDays(1)) {
            if (calendar.works(d)) {
                daysInPiece.merge(YearMonth.from(d), 1, Integer::sum);
            }
        }
        BigDecimal weight = BigDecimal.ZERO;
        for (Map.Entry<YearMonth, Integer> e : daysInPiece.entrySet()) {
            YearMonth month = e.getKey();
            int days = cache.computeIfAbsent(month, m -> calendar.count(m.atDay(1), m.plusMonths(1).atDay(1)));
            weight = weight.add(season.month(month.getMonthValue()).multiply(BigDecimal.valueOf(e.getValue()))
                    .divide(BigDecimal.valueOf(days), MathContext.DECIMAL64));
        }
        return weight;
    }
}
