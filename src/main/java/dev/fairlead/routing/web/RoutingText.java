package dev.fairlead.routing.web;

import dev.fairlead.common.web.RecordNames;
import dev.fairlead.routing.AssignmentRecord;
import dev.fairlead.routing.domain.Explanation;
import dev.fairlead.routing.domain.ExplanationSummary;
import dev.fairlead.routing.domain.Reason;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
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
    private final java.util.Optional<RecordNames> repNames;

    RoutingText(MessageSource messages, java.util.List<RecordNames> names) {
        this.messages = messages;
        this.repNames = names.stream().filter(n -> "rep".equals(n.kind())).findFirst();
    }

    /** Reasons with tiers (NEW, [KEY_ACCOUNT, SENIOR]) among their arguments, at these positions: shown as tier.* says. */
    private static final Map<String, java.util.List<Integer>> TIER_ARGUMENTS = Map.of(
            "tierNotPreferred", java.util.List.of(0, 2), "tierGroup", java.util.List.of(1));

    /** Reasons with a rep's id among their arguments, and its position: shown as her name. */
    private static final Map<String, Integer> REP_ARGUMENT = Map.of("roundRobinNext", 0);

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
        for (int i : TIER_ARGUMENTS.getOrDefault(reason.code(), java.util.List.of())) {
            if (i < args.length) {
                args[i] = tiers(String.valueOf(args[i]));
            }
        }
        Integer rep = REP_ARGUMENT.get(reason.code());
        if (rep != null && rep < args.length && repNames.isPresent() && String.valueOf(args[rep]).matches("\\d{1,18}")) {
            Object id = args[rep];
            args[rep] = repNames.get().name(Long.parseLong(String.valueOf(id))).orElse("#" + id);
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

    /** A tier (NEW) or a list of them ([KEY_ACCOUNT, SENIOR]) in the reader's words: 新人、资深. */
    String tiers(String codes) {
        String inner = codes.startsWith("[") && codes.endsWith("]") ? codes.substring(1, codes.length() - 1) : codes;
        return java.util.Arrays.stream(inner.split(",")).map(String::trim).filter(c -> !c.isEmpty())
                .map(c -> messages.getMessage("tier." + c, null, c, locale()))
                .collect(Collectors.joining(text("routing.listSeparator")));
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

    /**
     * The explanation in one line, before its full trace: who got the lead and why, and how many others were
     * left out for each reason ("李娜：在负责区域内，积分最少（12.5）；其他人未选中：24 人不在区域内…"). A manual
     * assignment has no trace: its line is the rep and the manager's reason.
     */
    public String summary(AssignmentRecord a) {
        SummaryLine line = summaryLine(a);
        return line.name() == null ? line.rest() : line.name() + text("routing.summary.nameSeparator") + line.rest();
    }

    /**
     * The summary in its parts, for pages that mark names as data: the rep's name (null when nobody got
     * the lead) and the rest of the line; {@code restIsData} when the rest is a manager's own words.
     */
    public record SummaryLine(String name, String separator, String rest, boolean restIsData) {}

    public SummaryLine summaryLine(AssignmentRecord a) {
        String nameSeparator = text("routing.summary.nameSeparator");
        if (a.explanation() == null) {
            return new SummaryLine(a.repName(), nameSeparator, a.reason() == null ? "" : a.reason(), true);
        }
        ExplanationSummary s = ExplanationSummary.of(a.explanation());
        String separator = text("routing.summary.separator");
        String others = s.others().stream().map(this::group).collect(Collectors.joining(separator));
        if (s.outcome() != Explanation.Outcome.ASSIGNED) {
            String why = shortReason(s.why());
            String kind = s.outcome() == Explanation.Outcome.WAITING ? "waiting" : "pooled";
            return new SummaryLine(null, "", others.isEmpty() ? text("routing.summary." + kind, why)
                    : text("routing.summary." + kind + "Others", why, others), false);
        }
        List<String> parts = new ArrayList<>();
        s.qualities().forEach(q -> parts.add(phrase("routing.summary.quality." + q.code(), q.args().toArray(), q)));
        parts.add(shortReason(s.why()));
        if (s.rulesFellThrough() > 0) {
            parts.add(text("routing.summary.fellThrough", s.rulesFellThrough()));
        }
        String name = s.winnerName() != null ? s.winnerName() : a.repName();
        String reasons = String.join(separator, parts);
        return new SummaryLine(name, nameSeparator, others.isEmpty() ? reasons : text("routing.summary.assignedOthers", reasons, others),
                false);
    }

    private String group(ExplanationSummary.Group g) {
        Object[] args = new Object[g.args().size() + 1];
        args[0] = g.count();
        for (int i = 0; i < g.args().size(); i++) {
            args[i + 1] = g.args().get(i);
        }
        Integer weekday = WEEKDAY_ARGUMENT.get(g.code());
        if (weekday != null && weekday + 1 < args.length) {
            args[weekday + 1] = weekday(String.valueOf(args[weekday + 1]));
        }
        String key = "routing.summary.others." + g.code();
        String found = messages.getMessage(key, args, null, locale());
        return found != null ? found : g.count() + " " + reason(new Reason(g.code(), g.args()));
    }

    /** The strategy's reason in a few words ("fewest points (12.5)"), or its full sentence when it has no short form. */
    private String shortReason(Reason why) {
        return why == null ? "" : phrase("routing.summary.why." + why.code(), why.args().toArray(), why);
    }

    private String phrase(String key, Object[] args, Reason fallback) {
        for (int i = 0; i < args.length; i++) {
            args[i] = String.valueOf(args[i]).replaceFirst("^(-?\\d+)\\.0+$", "$1"); // 12.0 points read as 12
        }
        for (int i : fallback == null ? java.util.List.<Integer>of() : TIER_ARGUMENTS.getOrDefault(fallback.code(), java.util.List.of())) {
            if (i < args.length) {
                args[i] = tiers(String.valueOf(args[i]));
            }
        }
        String found = messages.getMessage(key, args, null, locale());
        return found != null ? found : reason(fallback).replaceAll("[.。]$", "");
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

    /** A target's kind ("团队"), for pages that show the names beside it apart (they are data, translate="no"). */
    public String targetKind(dev.fairlead.routing.RuleDefinition r) {
        return text("routing.target." + r.targetKind().name());
    }

    /** The names a target points at: the team, the reps, the pool; "" for everyone or the default pool. */
    public String targetNames(dev.fairlead.routing.RuleDefinition r, RuleTargetNames.Names names) {
        return switch (r.targetKind()) {
            case TEAM -> names.team(r.teamId());
            case REPS -> r.repIds().stream().map(names::rep).collect(Collectors.joining(", "));
            case POOL -> r.poolId() == null && names.defaultPool() == null ? "" : names.pool(r.poolId());
            case EVERYONE -> "";
        };
    }

    /** What follows the names: "（含下级团队）", "(the default pool)", or "". */
    public String targetSuffix(dev.fairlead.routing.RuleDefinition r, RuleTargetNames.Names names) {
        if (r.targetKind() == dev.fairlead.routing.TargetKind.TEAM && r.includeSubTeams()) {
            return text("routing.target.withSubTeams");
        }
        return r.targetKind() == dev.fairlead.routing.TargetKind.POOL && r.poolId() == null && names.defaultPool() == null ? text("routing.target.defaultPool") : "";
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

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
