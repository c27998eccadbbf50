package dev.fairlead.intake.files;

import java.util.Locale;
import java.util.Optional;

public enum SpreadsheetFormat {
    CSV, XLSX;

    /** By file name: .csv and .txt are CSV, .xlsx is XLSX; anything else is not importable. */
    public static Optional<SpreadsheetFormat> of(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        return Optional.empty();
    }
}
