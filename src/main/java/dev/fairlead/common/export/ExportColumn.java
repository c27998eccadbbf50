package dev.fairlead.common.export;

import java.util.function.Function;

/**
 * One column of an export: the message key of its header and how a row gives its value. A value may
 * be a string, a number, a boolean, an {@link java.time.Instant} (written in the viewer's zone), a
 * date, or an enum; an enum is written as the text of {@code labelPrefix + name()} when the column
 * has a prefix (so {@code leadStatus.NEW} reads 新线索 for a zh-CN caller; a code without a text stays the code),
 * otherwise by its name.
 */
public record ExportColumn<T>(String headerKey, String labelPrefix, Function<T, ?> value) {

    public static <T> ExportColumn<T> of(String headerKey, Function<T, ?> value) {
        return new ExportColumn<>(headerKey, null, value);
    }

    /** A column whose enum (or code) values are translated through {@code labelPrefix + value}. */
    public static <T> ExportColumn<T> labelled(String headerKey, String labelPrefix, Function<T, ?> value) {
        return new ExportColumn<>(headerKey, labelPrefix, value);
    }
}
