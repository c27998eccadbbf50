package dev.fairlead.routing.domain;

import java.util.List;
import java.util.Locale;

/** One test on one lead field. */
public record Condition(LeadField field, Operator operator, List<String> values, Double min, Double max) {

    public Condition {
        values = values == null ? List.of() : values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).toList();
    }

    public static Condition equalTo(LeadField field, String value) {
        return new Condition(field, Operator.EQUALS, List.of(value), null, null);
    }

    public static Condition in(LeadField field, String... values) {
        return new Condition(field, Operator.IN, List.of(values), null, null);
    }

    public static Condition prefix(LeadField field, String... prefixes) {
        return new Condition(field, Operator.PREFIX, List.of(prefixes), null, null);
    }

    public static Condition range(LeadField field, Double min, Double max) {
        return new Condition(field, Operator.RANGE, List.of(), min, max);
    }

    /** The result for this lead, with the value it saw. */
    public ConditionCheck check(LeadFacts lead) {
        String actual = lead.text(field);
        return new ConditionCheck(this, actual, matches(lead, actual));
    }

    public boolean test(LeadFacts lead) {
        return matches(lead, lead.text(field));
    }

    private boolean matches(LeadFacts lead, String actual) {
        if (operator == Operator.MISSING) {
            return actual == null;
        }
        if (operator == Operator.RANGE) {
            Double n = field.numeric() ? lead.number(field) : parse(actual);
            return n != null && (min == null || n >= min) && (max == null || n <= max);
        }
        if (actual == null) {
            return operator == Operator.NOT_IN;
        }
        return switch (operator) {
            case EQUALS -> !values.isEmpty() && values.get(0).equalsIgnoreCase(actual.trim());
            case IN -> anyEqual(actual.trim());
            case NOT_IN -> !anyEqual(actual.trim());
            case PREFIX -> anyPrefix(actual.trim());
            default -> false;
        };
    }

    private boolean anyEqual(String value) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyPrefix(String value) {
        for (int i = 0; i < values.size(); i++) {
            String prefix = values.get(i);
            if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    private static Double parse(String s) {
        try {
            return s == null ? null : Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A condition with the value the lead had and whether it matched. */
    public record ConditionCheck(Condition condition, String actual, boolean matched) {}
}
