package dev.fairlead.intake.files;

import java.util.List;

/** Receives a spreadsheet row by row, in order; never the whole file. */
public interface RowSink {

    /** The first row. */
    void header(List<String> cells);

    /**
     * A data row; {@code rowNumber} as the spreadsheet shows it (the header is row 1) and
     * {@code progress} the share of the file read so far (0–1). Return false to stop reading.
     */
    boolean row(int rowNumber, List<String> cells, double progress);
}
