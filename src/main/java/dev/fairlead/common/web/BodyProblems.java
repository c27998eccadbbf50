package dev.fairlead.common.web;

import dev.fairlead.common.FieldProblem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says what is wrong with a request body in the words of its fields: which field, what it should
 * have been (a number, one of {@code WEB_FORM, API, …}) and what came instead, or which field the
 * endpoint does not take and which it does.
 */
final class BodyProblems {

    private static final int MAX_SHOWN = 60;

    private BodyProblems() {}

    static FieldProblem of(Throwable cause) {
        if (cause instanceof StreamConstraintsException) {
            return FieldProblem.of("body", "validation.tooDeep");
        }
        if (!(cause instanceof JacksonException e)) {
            return FieldProblem.of("body", "validation.body");
        }
        String field = path(e);
        if (field.isBlank()) {
            field = "body";
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return FieldProblem.of(field, "validation.unknownField", list(u.getKnownPropertyIds()));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return FieldProblem.of(field, "validation.enum", shown(f.getValue()), accepted(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            if (m.getTargetType().isEnum()) {
                return FieldProblem.of(field, "validation.enum", got(m), accepted(m.getTargetType()));
            }
            return FieldProblem.of(field, "validation.expected", new DefaultMessageSourceResolvable(typeKey(m.getTargetType())), got(m));
        }
        return FieldProblem.of(field, "validation.body");
    }

    /** A path or query parameter that could not be converted to the type the endpoint takes. */
    static FieldProblem ofParameter(String name, Class<?> type, Object value) {
        if (type != null && type.isEnum()) {
            return FieldProblem.of(name, "validation.enum", shown(value), accepted(type));
        }
        return FieldProblem.of(name, "validation.expected",
                new DefaultMessageSourceResolvable(type == null ? "type.value" : typeKey(type)), shown(value));
    }

    private static String got(MismatchedInputException m) {
        if (m instanceof InvalidFormatException f) {
            return shown(f.getValue());
        }
        if (m.getCurrentToken() == null) {
            return "?";
        }
        return switch (m.getCurrentToken()) {
            case START_OBJECT -> "{…}";
            case START_ARRAY -> "[…]";
            case VALUE_STRING -> "\"…\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> m.getCurrentToken().asString() == null ? "?" : m.getCurrentToken().asString();
        };
    }

    private static String accepted(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "…" : text;
    }

    private static String typeKey(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "type.integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
            return "type.number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "type.boolean";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "type.text";
        }
        if (type == LocalDate.class) {
            return "type.date";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class || type == LocalDateTime.class) {
            return "type.dateTime";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "type.list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "type.object";
        }
        return "type.value";
    }

    private static String list(Collection<Object> known) {
        return known == null || known.isEmpty() ? "—"
                : known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
