package dev.fairlead.common.export;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * XLSX through FastExcel: rows go to the sheet in batches of {@value #BATCH}; FastExcel's streaming
 * workbook keeps only a small window of rows in memory and spills the rest to a temporary file, and
 * writes the finished workbook to the response at {@link #finish}.
 */
final class XlsxTableWriter implements TableWriter {

    static final int BATCH = 1000;

    private final ExcelWriter writer;
    private final WriteSheet sheet;
    private List<List<Object>> batch = new ArrayList<>(BATCH);
    private boolean written;

    XlsxTableWriter(OutputStream out, String sheetName, List<String> header) {
        List<List<String>> head = new ArrayList<>();
        header.forEach(h -> head.add(List.of(h)));
        this.writer = FastExcel.write(out).autoCloseStream(false).build();
        this.sheet = FastExcel.writerSheet(0, sheetName).head(head).build();
    }

    @Override
    public void row(List<Object> cells) {
        batch.add(new ArrayList<>(cells));
        if (batch.size() == BATCH) {
            writer.write(batch, sheet);
            written = true;
            batch = new ArrayList<>(BATCH);
        }
    }

    @Override
    public void finish() {
        if (!batch.isEmpty() || !written) {
            writer.write(batch, sheet);
        }
        writer.finish();
    }
}
