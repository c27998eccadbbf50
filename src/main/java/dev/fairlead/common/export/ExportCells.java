package dev.fairlead.common.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Turns a column's value into what a cell holds: text in the viewer's language and zone, numbers as
 * numbers. Text that a spreadsheet would read as a formula (it starts with {@code = + - @}, a tab or a
 * carriage return) gets a leading apostrophe, in CSV and XLSX alike (CSV / formula injection).
 */
final class ExportCells {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;
    private final Locale locale;
    private final BiFunction<String, Locale, String> text;

    ExportCells(ZoneId zone, Locale locale, BiFunction<String, Locale, String> text) {
        this.zone = zone;
        this.locale = locale;
        this.text = text;
    }

    /** A number stays a number (so a spreadsheet can sum it); everything else becomes neutralised text; null stays null. */
    Object cell(ExportColumn<?> column, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number) {
            return value;
        }
        return safe(text(column, value));
    }

    String header(ExportColumn<?> column) {
        return safe(text.apply(column.headerKey(), locale));
    }

    private String text(ExportColumn<?> column, Object value) {
        if (column.labelPrefix() != null) {
            String code = value instanceof Enum<?> e ? e.name() : String.valueOf(value);
            String key = column.labelPrefix() + code;
            String label = text.apply(key, locale);
            return key.equals(label) ? code : label;
        }
        if (value instanceof Instant i) {
            return LocalDateTime.ofInstant(i, zone).format(DATE_TIME);
        }
        if (value instanceof Boolean b) {
            return text.apply(b ? "export.yes" : "export.no", locale);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(value);
    }

    static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char first = s.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + s : s;
    }
}
