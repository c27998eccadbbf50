package dev.fairlead.common.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** CSV through FastCSV: UTF-8 with a byte order mark (so Excel reads Chinese), CRLF, flushed as its buffer fills. */
final class CsvTableWriter implements TableWriter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final CsvWriter csv;
    private final List<String> record = new ArrayList<>();

    CsvTableWriter(OutputStream out, List<String> header) throws IOException {
        out.write(BOM);
        this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).bufferSize(64 * 1024)
                .build(out, StandardCharsets.UTF_8);
        csv.writeRecord(header);
    }

    @Override
    public void row(List<Object> cells) {
        record.clear();
        for (Object cell : cells) {
            record.add(cell == null ? "" : cell.toString());
        }
        csv.writeRecord(record);
    }

    @Override
    public void finish() throws IOException {
        // Flushed, not closed: the container ends the response once the export is audited (Exporter).
        csv.flush();
    }
}
