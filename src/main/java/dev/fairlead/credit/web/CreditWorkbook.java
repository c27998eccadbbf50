package dev.fairlead.credit.web;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import dev.fairlead.credit.CreditEntry;
import dev.fairlead.credit.CreditShare;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Confirmed credit for payroll: one row per rep's share of a confirmed entry (reversals negative), headers in the reader's language. */
final class CreditWorkbook {

    private static final String[] HEAD = {"credit.export.confirmedOn", "credit.export.entry", "credit.export.kind", "credit.deal",
            "credit.export.rep", "credit.export.percent", "credit.export.amount", "credit.export.currency", "credit.wonOn",
            "credit.owner", "credit.export.confirmedBy", "credit.export.reverses"};

    private CreditWorkbook() {}

    static void write(List<CreditEntry> entries, Function<String, String> text, OutputStream out) {
        List<List<String>> head = new ArrayList<>();
        for (String key : HEAD) {
            head.add(List.of(text.apply(key)));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (CreditEntry e : entries) {
            for (CreditShare s : e.shares()) {
                List<Object> row = new ArrayList<>();
                row.add(e.confirmedOn().toString());
                row.add(e.id());
                row.add(text.apply("credit.kind." + e.kind()));
                row.add(e.dealName());
                row.add(s.repName());
                row.add(s.percent());
                row.add(s.amount());
                row.add(e.amount().currency());
                row.add(e.wonOn().toString());
                row.add(e.ownerName());
                row.add(e.confirmedBy());
                row.add(e.reversesId() == null ? "" : String.valueOf(e.reversesId()));
                rows.add(row);
            }
        }
        try (ExcelWriter writer = FastExcel.write(out).build()) {
            writer.write(rows, FastExcel.writerSheet(0, text.apply("credit.export.sheet")).head(head).build());
        }
    }
}
