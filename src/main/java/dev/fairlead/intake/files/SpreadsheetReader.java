package dev.fairlead.intake.files;

import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.exception.ExcelAnalysisStopException;
import cn.idev.excel.read.listener.ReadListener;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Streams a CSV (FastCSV) or the first sheet of an XLSX file (FastExcel's SAX reader) row by row,
 * so memory stays bounded however large the file is.
 */
public final class SpreadsheetReader {

    private SpreadsheetReader() {}

    public static void read(Path file, SpreadsheetFormat format, Charset charset, char separator, RowSink sink) throws IOException {
        if (format == SpreadsheetFormat.CSV) {
            readCsv(file, charset, separator, sink);
        } else {
            readXlsx(file, sink);
        }
    }

    /** The separator of a CSV file, from its first line in the given encoding. */
    public static char csvSeparator(Path file, Charset charset) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset))) {
            String first = reader.readLine();
            return first == null ? ',' : CsvEncoding.separator(first);
        }
    }

    private static void readCsv(Path file, Charset charset, char separator, RowSink sink) throws IOException {
        long size = Math.max(1, Files.size(file));
        try (CountingStream in = new CountingStream(Files.newInputStream(file));
             CsvReader<CsvRecord> csv = CsvReader.builder()
                     .fieldSeparator(separator)
                     .allowExtraFields(true)
                     .allowMissingFields(true)
                     .skipEmptyLines(true)
                     .detectBomHeader(true)
                     .ofCsvRecord(in, charset)) {
            boolean headerSeen = false;
            for (CsvRecord record : csv) {
                if (!headerSeen) {
                    headerSeen = true;
                    sink.header(record.getFields());
                } else if (!isBlank(record.getFields()) && !sink.row((int) record.getStartingLineNumber(), record.getFields(),
                        Math.min(1.0, in.count / (double) size))) {
                    return;
                }
            }
        }
    }

    private static void readXlsx(Path file, RowSink sink) {
        try {
            FastExcel.read(file.toFile(), new ReadListener<Map<Integer, String>>() {
                private boolean headerSeen;

                @Override
                public void invoke(Map<Integer, String> data, AnalysisContext context) {
                    int rowNumber = context.readRowHolder().getRowIndex() + 1;
                    List<String> cells = cells(data);
                    if (isBlank(cells)) {
                        return;
                    }
                    if (!headerSeen) {
                        headerSeen = true;
                        sink.header(cells);
                        return;
                    }
                    Integer total = context.readSheetHolder().getApproximateTotalRowNumber();
                    double progress = total == null || total <= 1 ? 0 : Math.min(1.0, rowNumber / (double) total);
                    if (!sink.row(rowNumber, cells, progress)) {
                        throw new ExcelAnalysisStopException("enough rows");
                    }
                }

                @Override
                public void doAfterAllAnalysed(AnalysisContext context) {
                    // every row was handed on as it was read
                }
            }).sheet(0).headRowNumber(0).doRead();
        } catch (ExcelAnalysisStopException e) {
            // the sink asked to stop (a preview needs only the first rows)
        }
    }

    private static List<String> cells(Map<Integer, String> data) {
        int last = data.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
        List<String> cells = new ArrayList<>(last + 1);
        for (int i = 0; i <= last; i++) {
            String v = data.get(i);
            cells.add(v == null ? "" : v);
        }
        return cells;
    }

    private static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    /** Counts bytes read, for the progress of a CSV import. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
