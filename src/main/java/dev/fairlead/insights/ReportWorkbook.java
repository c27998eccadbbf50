package dev.fairlead.insights;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A report as an XLSX workbook (FastExcel): a sheet per section, headers in the reader's language, figures as numbers. */
final class ReportWorkbook {

    private ReportWorkbook() {}

    static void write(ReportContent c, String unitName, String title, boolean chinese, Function<String, String> text,
            Function<Instant, String> when, OutputStream out) {
        try (ExcelWriter writer = FastExcel.write(out).build()) {
            int sheet = 0;
            writer.write(List.of(row(text.apply("reports.xlsx.unit"), unitName), row(text.apply("reports.xlsx.period"), c.period().label()),
                            row(text.apply("reports.xlsx.from"), c.period().start().toString()),
                            row(text.apply("reports.xlsx.to"), c.period().lastDay().toString()),
                            row(text.apply("reports.xlsx.generated"), when.apply(c.generatedAt()))),
                    FastExcel.writerSheet(sheet++, text.apply("reports.xlsx.summary")).head(head(List.of(title))).build());
            List<List<Object>> progress = new ArrayList<>();
            c.progress().goals().forEach(g -> progress.add(row(g.unitName(), text.apply("goal.metric." + g.metric().name()), g.target(),
                    g.actual(), g.elapsed(), g.projected(), g.projectedAttainment(), g.gap(), g.gapPerWorkingDay(), g.remainingWorkingDays())));
            writer.write(progress, FastExcel.writerSheet(sheet++, text.apply("reports.xlsx.progress")).head(keys(text,
                    "insights.progress.goal", "reports.movers.metric", "insights.progress.target", "insights.progress.actual",
                    "insights.progress.elapsed", "reports.xlsx.projected", "reports.movers.attainment", "insights.progress.gap",
                    "insights.progress.perDay", "reports.xlsx.daysLeft")).build());
            List<List<Object>> movers = new ArrayList<>();
            c.topMovers().forEach(m -> movers.add(mover(text.apply("reports.movers.top"), m, text)));
            c.bottomMovers().forEach(m -> movers.add(mover(text.apply("reports.movers.bottom"), m, text)));
            writer.write(movers, FastExcel.writerSheet(sheet++, text.apply("reports.xlsx.movers")).head(keys(text, "reports.xlsx.group",
                    "insights.rep", "reports.movers.metric", "insights.progress.actual", "reports.movers.previous", "reports.movers.change",
                    "reports.movers.attainment")).build());
            List<List<Object>> funnel = new ArrayList<>();
            c.funnel().stages().forEach(s -> funnel.add(row(chinese ? s.nameZh() : s.nameEn(), s.reached(), s.amount(), s.conversionToNext())));
            writer.write(funnel, FastExcel.writerSheet(sheet++, text.apply("reports.xlsx.funnel")).head(keys(text, "insights.funnel.stage",
                    "insights.funnel.reached", "reports.xlsx.amount", "insights.funnel.conversion")).build());
            List<List<Object>> sla = new ArrayList<>();
            c.sla().rows().forEach(r -> sla.add(row(r.teamName(), r.repName(), r.timers(), r.met(), r.breached(), r.running(), r.compliance())));
            writer.write(sla, FastExcel.writerSheet(sheet++, text.apply("reports.xlsx.sla")).head(keys(text, "reports.alerts.team",
                    "insights.rep", "reports.xlsx.timers", "insights.sla.met", "insights.sla.breached", "insights.sla.running",
                    "insights.sla.compliance")).build());
            List<List<Object>> fairness = new ArrayList<>();
            c.fairness().reps().forEach(r -> fairness.add(row(r.repName(), r.tier(), r.leads(), r.expectedValue())));
            for (Map.Entry<String, Double> e : c.fairness().giniByTier().entrySet()) {
                fairness.add(row("Gini", e.getKey(), e.getValue()));
            }
            writer.write(fairness, FastExcel.writerSheet(sheet++, text.apply("reports.xlsx.fairness")).head(keys(text, "insights.rep",
                    "insights.fairness.tier", "insights.fairness.leads", "insights.fairness.value")).build());
            List<List<Object>> pool = new ArrayList<>();
            c.pool().weeks().forEach(w -> pool.add(row(w.week().toString(), w.inNoEligibleRep(), w.inReleased(), w.inRecovered(),
                    w.inSlaBreach(), w.inTotal(), w.outClaimed())));
            writer.write(pool, FastExcel.writerSheet(sheet++, text.apply("reports.xlsx.pool")).head(keys(text, "insights.pool.week",
                    "insights.pool.noRep", "insights.pool.released", "insights.pool.recovered", "insights.pool.breach", "insights.pool.in",
                    "insights.pool.out")).build());
            List<List<Object>> alerts = new ArrayList<>();
            c.alerts().forEach(a -> alerts.add(row(text.apply("insights.kind." + a.kind()), a.subjectName(), a.teamName(),
                    when.apply(a.openedAt()), a.closedAt() == null ? "" : when.apply(a.closedAt()))));
            writer.write(alerts, FastExcel.writerSheet(sheet++, text.apply("reports.xlsx.alerts")).head(keys(text, "reports.alerts.kind",
                    "reports.alerts.subject", "reports.alerts.team", "reports.alerts.opened", "reports.alerts.closed")).build());
            List<List<Object>> scores = new ArrayList<>();
            c.scorecards().forEach(s -> scores.add(row(s.repName(), s.teamName(), s.total())));
            writer.write(scores, FastExcel.writerSheet(sheet, text.apply("reports.xlsx.scorecards")).head(keys(text, "insights.rep",
                    "reports.alerts.team", "reports.scorecards.total")).build());
        }
    }

    private static List<Object> mover(String group, ReportContent.Mover m, Function<String, String> text) {
        return row(group, m.repName(), text.apply("goal.metric." + m.metric().name()), m.actual(), m.previous(), m.change(), m.attainment());
    }

    private static List<List<String>> keys(Function<String, String> text, String... keys) {
        List<String> names = new ArrayList<>();
        for (String key : keys) {
            names.add(text.apply(key));
        }
        return head(names);
    }

    private static List<List<String>> head(List<String> names) {
        List<List<String>> head = new ArrayList<>();
        names.forEach(n -> head.add(List.of(n)));
        return head;
    }

    /** A row of cells; shares and ratios as decimals with four places, null as an empty cell. */
    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell instanceof Double d ? BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP) : cell);
        }
        return row;
    }
}
