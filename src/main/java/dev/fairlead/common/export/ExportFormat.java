package dev.fairlead.common.export;

import dev.fairlead.common.InvalidInputException;
import java.util.Locale;

/** The two file kinds a list exports to: {@code ?format=csv} or {@code ?format=xlsx}. */
public enum ExportFormat {
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** {@code csv} or {@code xlsx} in any case; anything else is a 400 on the field {@code format}. */
    public static ExportFormat of(String value) {
        if (value != null) {
            for (ExportFormat f : values()) {
                if (f.extension.equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
        }
        throw InvalidInputException.of("format", "export.format.invalid");
    }
}
