package dev.fairlead.audit.web;

import dev.fairlead.common.web.DateTimes;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A value from an audit entry's before or after, as a person would write it ({@code ${@auditValues.format(v)}}).
 * The trail keeps snapshots as JSON, so a value arrives as a map, list, string, number or boolean:
 * money ({@code {amount, currency}} or "CNY 1000.00") is written ¥1,000.00, an instant in the pages'
 * date-time format, a weekday and yes/no in the reader's language, a list and any other map item by item.
 * Dates (2026-03-05) are already in the pages' format.
 */
@Component("auditValues")
class AuditValues {

    static final String NOTHING = "∅";

    private static final Pattern MONEY_TEXT = Pattern.compile("([A-Z]{3}) (-?\\d+(?:\\.\\d+)?)");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");

    private static final java.util.Set<String> WEEKDAYS = java.util.Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name)
            .collect(Collectors.toUnmodifiableSet());

    private final MessageSource messages;
    private final DateTimes dateTimes;
    private final AuditLabels labels;

    AuditValues(MessageSource messages, DateTimes dateTimes, AuditLabels labels) {
        this.messages = messages;
        this.dateTimes = dateTimes;
        this.labels = labels;
    }

    /**
     * The value of one field: the id of a rep, team or user as its name, a code (a status, a
     * channel, a period kind) in the reader's words, anything else as {@link #format(Object)}.
     */
    public String format(String field, Object value) {
        if (value == null) {
            return NOTHING;
        }
        java.util.Optional<String> name = labels.nameOf(field, value);
        if (name.isPresent()) {
            return name.get();
        }
        if (value instanceof Collection<?> list && !list.isEmpty()) {
            return list.stream().map(v -> format(field, v)).collect(Collectors.joining(", "));
        }
        String codes = CODES_BY_FIELD.get(field);
        if (codes != null && value instanceof String code) {
            String word = messages.getMessage(codes + "." + code, null, null, LocaleContextHolder.getLocale());
            if (word != null) {
                return word;
            }
        }
        return format(value);
    }

    /** Fields whose codes the module that owns them already words (leadStatus.NEW=新线索). */
    private static final Map<String, String> CODES_BY_FIELD = Map.of(
            "status", "leadStatus", "source", "leadSource", "tier", "tier", "companySize", "companySize",
            "audience", "performance.audience", "curve", "performance.curve", "metric", "performance.metric");

    public String format(Object value) {
        if (value == null) {
            return NOTHING;
        }
        if (value instanceof Map<?, ?> map) {
            return map(map);
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty() ? NOTHING : list.stream().map(this::format).collect(Collectors.joining(", "));
        }
        if (value instanceof Boolean b) {
            return text(b ? "common.yes" : "common.no");
        }
        if (value instanceof Number n) {
            return number(n);
        }
        return string(value.toString());
    }

    private String map(Map<?, ?> map) {
        Object amount = map.get("amount");
        Object currency = map.get("currency");
        boolean money = amount != null && currency instanceof String && map.keySet().stream()
                .allMatch(k -> "amount".equals(k) || "currency".equals(k) || "negative".equals(k));
        if (money) {
            BigDecimal exact = decimal(amount);
            if (exact != null) {
                return money((String) currency, exact);
            }
        }
        if (map.get("name") instanceof String name) {
            return name; // a goal's unit, a territory with its name: the name is what a person reads
        }
        if (map.containsKey("kind") && map.containsKey("occurredAt") && map.containsKey("detail")) {
            // a lead's behaviour: what and when in words; its detail (a page, a file name) is on the lead page
            String kind = String.valueOf(map.get("kind"));
            return messages.getMessage("behaviour." + kind, null, kind, LocaleContextHolder.getLocale()) + " " + format(map.get("occurredAt"));
        }
                if (map.containsKey("start") && map.containsKey("end") && map.containsKey("kind")) {
            return format(map.get("kind")) + " " + format(map.get("start")) + " – " + format(map.get("end"));
        }
        return map.isEmpty() ? NOTHING : map.entrySet().stream()
                .map(e -> labels.field(String.valueOf(e.getKey())) + ": " + format(String.valueOf(e.getKey()), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private String string(String s) {
        Matcher money = MONEY_TEXT.matcher(s);
        if (money.matches()) {
            return money(money.group(1), new BigDecimal(money.group(2)));
        }
        if (INSTANT.matcher(s).matches()) {
            try {
                return dateTimes.format(OffsetDateTime.parse(s).toInstant());
            } catch (DateTimeParseException e) {
                return s;
            }
        }
        if (WEEKDAYS.contains(s)) {
            return text("day.long." + s);
        }
        return labels.text("audit.value." + s, s);
    }

    /** ¥1,000.00: the currency's sign (its code where it has none) and the amount to the cent. */
    static String money(String currency, BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String sign = switch (currency) {
            case "CNY" -> "¥";
            case "USD" -> "US$";
            case "EUR" -> "€";
            case "HKD" -> "HK$";
            default -> currency + " ";
        };
        return (amount.signum() < 0 ? "-" : "") + sign + format.format(amount.abs());
    }

    private static String number(Number n) {
        BigDecimal exact = decimal(n);
        return exact == null ? n.toString() : exact.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal decimal(Object value) {
        try {
            return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
