package dev.fairlead.routing.web;

import dev.fairlead.routing.LedgerLine;
import dev.fairlead.routing.RepWorkload;
import dev.fairlead.routing.domain.Fairness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** The charts of the fairness ledger page: points per rep, their Lorenz curve, and each rep's load against her cap. */
final class LedgerCharts {

    private final MessageSource messages;

    LedgerCharts(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, Object> points(List<LedgerLine> lines) {
        return chart(lines.stream().map(LedgerLine::repName).toList(), List.of(
                series(text("routing.figure.points"), "bar", lines.stream().map(LedgerLine::points).toList(), false)));
    }

    Map<String, Object> lorenz(List<LedgerLine> lines) {
        double[] points = lines.stream().mapToDouble(l -> Math.max(0, l.points())).toArray();
        List<List<Double>> curve = new ArrayList<>();
        for (double[] p : Fairness.lorenz(points)) {
            curve.add(List.of(round(p[0]), round(p[1])));
        }
        Map<String, Object> chart = chart(List.of(), List.of(series(text("routing.ledger.chart.lorenz"), "line", curve, false),
                series(text("routing.ledger.chart.equal"), "line", List.of(List.of(0.0, 0.0), List.of(1.0, 1.0)), true)));
        chart.put("xName", text("routing.ledger.chart.shareOfReps"));
        chart.put("yName", text("routing.ledger.chart.shareOfPoints"));
        chart.put("gini", round(Fairness.gini(points)));
        return chart;
    }

    Map<String, Object> workload(List<RepWorkload> reps) {
        Map<String, Object> chart = chart(reps.stream().map(RepWorkload::repName).toList(), List.of(
                series(text("routing.figure.openLeads"), "bar", reps.stream().map(RepWorkload::openLeads).toList(), false),
                series(text("routing.ledger.chart.openCap"), "line", reps.stream().map(RepWorkload::maxOpenLeads).toList(), true)));
        chart.put("integers", true);
        return chart;
    }

    private static Map<String, Object> chart(List<String> labels, List<Map<String, Object>> series) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("series", series);
        return chart;
    }

    private static Map<String, Object> series(String name, String type, List<?> data, boolean dashed) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", type);
        s.put("data", data);
        s.put("dashed", dashed);
        return s;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
