package dev.fairlead.performance.web;

import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.performance.KpiScheme;
import dev.fairlead.performance.domain.CurveKind;
import dev.fairlead.performance.domain.Dimension;
import dev.fairlead.performance.domain.Gate;
import dev.fairlead.performance.domain.Metric;
import dev.fairlead.performance.domain.Step;
import dev.fairlead.performance.domain.Targets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The scheme editor's form: one row per metric ({@code use.VISITS}, {@code weight.VISITS}, …), read
 * into dimensions in metric order; a number that is not one, or steps that do not read, is a problem
 * of its field. A row is also what the page shows for an existing dimension.
 */
final class SchemeForm {

    /** One metric's row as the page shows it. */
    record Row(Metric metric, boolean used, String weight, String base, String target, String stretch, boolean fromGoals, String curve,
            String cap, String steps, String gateBelow, String gateCap) {}

    private SchemeForm() {}

    static List<Row> rows(KpiScheme scheme) {
        Map<Metric, Dimension> byMetric = new LinkedHashMap<>();
        scheme.dimensions().forEach(d -> byMetric.put(d.metric(), d));
        List<Row> rows = new ArrayList<>();
        for (Metric m : Metric.values()) {
            Dimension d = byMetric.get(m);
            if (d == null) {
                rows.add(new Row(m, false, "", "", "", "", false, "LINEAR", "100", "", "", ""));
                continue;
            }
            rows.add(new Row(m, true, String.valueOf(d.weight()), text(d.targets().base()), text(d.targets().target()),
                    text(d.targets().stretch()), d.targetsFromGoals(), d.curve().name(), text(d.capPercent()),
                    d.steps().stream().map(s -> text(s.atPercent()) + ":" + text(s.paysPercent())).collect(Collectors.joining(", ")),
                    d.gate() == null ? "" : text(d.gate().belowPercent()), d.gate() == null ? "" : text(d.gate().capScore())));
        }
        return rows;
    }

    /** The dimensions of the rows in use; unreadable fields are reported together. */
    static List<Dimension> read(Map<String, String> form) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Dimension> dimensions = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (!"on".equals(form.get("use." + m.name())) && !"true".equals(form.get("use." + m.name()))) {
                continue;
            }
            String at = m.name();
            BigDecimal weight = number(form, "weight." + at, problems);
            CurveKind curve = "STEPS".equals(form.get("curve." + at)) ? CurveKind.STEPS : CurveKind.LINEAR;
            BigDecimal below = number(form, "gateBelow." + at, problems);
            BigDecimal cap = number(form, "gateCap." + at, problems);
            Gate gate = below == null && cap == null ? null : new Gate(below, cap);
            dimensions.add(new Dimension(m, weight == null ? null : weight.stripTrailingZeros().scale() > 0 ? -1 : weight.intValue(),
                    new Targets(number(form, "base." + at, problems), number(form, "target." + at, problems), number(form, "stretch." + at, problems)),
                    "on".equals(form.get("fromGoals." + at)), curve, curve == CurveKind.LINEAR ? number(form, "cap." + at, problems) : null,
                    curve == CurveKind.STEPS ? steps(form.get("steps." + at), "steps." + at, problems) : List.of(), gate));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return dimensions;
    }

    private static List<Step> steps(String text, String field, List<FieldProblem> problems) {
        List<Step> steps = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return steps;
        }
        for (String part : text.split("[,，;；\\s]+")) {
            String[] pair = part.split("[:：]");
            try {
                if (pair.length != 2) {
                    throw new NumberFormatException(part);
                }
                steps.add(new Step(new BigDecimal(pair[0].trim()), new BigDecimal(pair[1].trim())));
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.of(field, "performance.form.steps", part));
                return steps;
            }
        }
        return steps;
    }

    private static BigDecimal number(Map<String, String> form, String field, List<FieldProblem> problems) {
        String v = form.get(field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(v.trim().replace(",", ""));
            if (n.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                throw new NumberFormatException(v);
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(FieldProblem.of(field, "performance.form.number", v));
            return null;
        }
    }

    private static String text(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
