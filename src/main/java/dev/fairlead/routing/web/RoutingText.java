package dev.fairlead.routing.web;

import dev.fairlead.routing.AssignmentRecord;
import dev.fairlead.routing.domain.Explanation;
import dev.fairlead.routing.domain.Reason;
import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Explanations in the reader's language, for templates ({@code ${@routingText.reason(r)}}). */
@Component("routingText")
class RoutingText {

    private final MessageSource messages;

    RoutingText(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Reasons with a weekday among their arguments, and its position. The engine stores the weekday as its
     * {@link DayOfWeek} name (SATURDAY), which is no word in any reader's language; it is shown as
     * {@code day.long.*} says (周六, Saturday). Stored explanations keep their arguments, so this holds for
     * old ones too.
     */
    private static final Map<String, Integer> WEEKDAY_ARGUMENT = Map.of("notWorkingDay", 0);

    /** Reasons with an instant (stored as ISO-8601) among their arguments: shown as the reader's weekday, date and time. */
    private static final Map<String, Integer> INSTANT_ARGUMENT = Map.of("waitingForWorkingHours", 0);

    public String reason(Reason reason) {
        if (reason == null) {
            return "";
        }
        Object[] args = reason.args().toArray();
        Integer weekday = WEEKDAY_ARGUMENT.get(reason.code());
        if (weekday != null && weekday < args.length) {
            args[weekday] = weekday(String.valueOf(args[weekday]));
        }
        Integer instant = INSTANT_ARGUMENT.get(reason.code());
        if (instant != null && instant < args.length) {
            args[instant] = instant(String.valueOf(args[instant]));
        }
        return messages.getMessage("routing.reason." + reason.code(), args, reason.code(), locale());
    }

    /** An ISO instant as the reader writes it, with the weekday: 周一 12-08 09:00 / Monday 12-08 09:00; anything else as it is. */
    String instant(String iso) {
        try {
            java.time.ZonedDateTime at = java.time.Instant.parse(iso.trim()).atZone(java.time.ZoneId.systemDefault());
            return text("day.long." + at.getDayOfWeek().name()) + " "
                    + at.format(java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm", locale()));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** A weekday's name in the reader's language; anything that is not a weekday's name as it is. */
    String weekday(String name) {
        try {
            return text("day.long." + DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT)).name());
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    /** The one sentence saying why: the engine's reason, or a manager's own words. */
    public String why(AssignmentRecord a) {
        return a.explanation() == null ? a.reason() : reason(a.explanation().why());
    }

    public String condition(Explanation.ConditionTrace c) {
        String field = text("routing.field." + c.field().name());
        String operator = text("routing.operator." + c.operator().name());
        String values = switch (c.operator()) {
            case RANGE -> (c.min() == null ? "…" : number(c.min())) + " – " + (c.max() == null ? "…" : number(c.max()));
            case MISSING -> "";
            default -> String.join(", ", c.values());
        };
        String actual = c.actual() == null ? text("routing.panel.noValue") : c.actual();
        return field + " " + operator + " " + values + " (" + text("routing.panel.leadHas") + " " + actual + ")";
    }

    public String condition(dev.fairlead.routing.RuleCondition c) {
        return condition(new Explanation.ConditionTrace(c.field(), c.operator(), c.values(), c.min(), c.max(), null, true))
                .replaceAll(" \\([^)]*\\)$", "");
    }

    /** Where a rule sends leads, with the names of its team, reps or pool. */
    public String target(dev.fairlead.routing.RuleDefinition r, RuleTargetNames.Names names) {
        String kind = text("routing.target." + r.targetKind().name());
        return switch (r.targetKind()) {
            case TEAM -> kind + " " + names.team(r.teamId()) + (r.includeSubTeams() ? " " + text("routing.target.withSubTeams") : "");
            case REPS -> kind + " " + r.repIds().stream().map(names::rep).collect(Collectors.joining(", "));
            case POOL -> kind + " " + (r.poolId() == null && names.defaultPool() == null ? text("routing.target.defaultPool")
                    : names.pool(r.poolId()));
            case EVERYONE -> kind;
        };
    }

    public String figures(java.util.Map<String, Double> figures) {
        return figures.entrySet().stream()
                .map(e -> text("routing.figure." + e.getKey()) + " " + number(e.getValue()))
                .collect(Collectors.joining(" · "));
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
