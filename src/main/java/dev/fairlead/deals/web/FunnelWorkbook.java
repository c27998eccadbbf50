package dev.fairlead.deals.web;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import dev.fairlead.deals.FunnelReport;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The funnel as an XLSX workbook: one sheet of stages, one of the breakdown, headers in the reader's language. */
final class FunnelWorkbook {

    private FunnelWorkbook() {}

    static void write(FunnelReport report, boolean chinese, Function<String, String> text, OutputStream out) {
        List<List<String>> stageHead = heads(text, "deal.funnel.stage", "deal.funnel.reached", "deal.funnel.amount",
                "deal.funnel.conversion", "deal.funnel.daysInStage");
        List<List<Object>> stageRows = new ArrayList<>();
        for (FunnelReport.StageRow s : report.stages()) {
            stageRows.add(row(s.name(chinese), s.reached(), s.amount(), s.conversionToNext(), s.averageDaysInStage()));
        }
        stageRows.add(row());
        stageRows.add(row(text.apply("deal.funnel.winRate"), report.totals().winRate()));
        stageRows.add(row(text.apply("deal.funnel.won"), report.totals().won(), report.totals().wonAmount()));
        stageRows.add(row(text.apply("deal.funnel.lost"), report.totals().lost()));
        stageRows.add(row(text.apply("deal.funnel.currency"), report.currency()));
        List<List<String>> groupHead = heads(text, "deal.funnel.group", "deal.funnel.deals", "deal.funnel.open",
                "deal.funnel.won", "deal.funnel.lost", "deal.funnel.winRate", "deal.funnel.wonAmount");
        report.pipeline().stages().forEach(s -> groupHead.add(List.of(s.name(chinese))));
        List<List<Object>> groupRows = new ArrayList<>();
        for (FunnelReport.GroupRow g : report.groups()) {
            List<Object> r = row(g.key(), g.totals().deals(), g.totals().open(), g.totals().won(), g.totals().lost(),
                    g.totals().winRate(), g.totals().wonAmount());
            r.addAll(g.reached());
            groupRows.add(r);
        }
        try (ExcelWriter writer = FastExcel.write(out).build()) {
            writer.write(stageRows, FastExcel.writerSheet(0, text.apply("deal.funnel.sheet.stages")).head(stageHead).build());
            writer.write(groupRows, FastExcel.writerSheet(1, text.apply("deal.funnel.sheet.groups")).head(groupHead).build());
        }
    }

    private static List<List<String>> heads(Function<String, String> text, String... keys) {
        List<List<String>> head = new ArrayList<>();
        for (String key : keys) {
            head.add(List.of(text.apply(key)));
        }
        return head;
    }

    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell instanceof Double d ? BigDecimal.valueOf(d).setScale(4, java.math.RoundingMode.HALF_UP) : cell);
        }
        return row;
    }
}
