package dev.fairlead.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.web.DateTimes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

class AuditValuesTests {

    private final AuditValues values = new AuditValues(bundles(),
            new DateTimes(Clock.fixed(Instant.parse("2026-03-05T00:00:00Z"), ZoneId.of("Asia/Shanghai"))));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void moneyAsTheTrailStoresItIsWrittenWithItsCurrencyAndCents() {
        // Money as JSON in a deal snapshot, read back into a map: {amount=1000.0, currency=CNY, negative=false}
        Map<String, Object> stored = new LinkedHashMap<>(Map.of("amount", 1000.0, "currency", "CNY", "negative", false));
        assertThat(values.format(stored)).isEqualTo("CNY 1,000.00");
        assertThat(values.format(Map.of("amount", new BigDecimal("1234567.5"), "currency", "USD"))).isEqualTo("USD 1,234,567.50");
        assertThat(values.format("CNY 88000.00")).as("a won deal's revenue, kept as text").isEqualTo("CNY 88,000.00");
    }

    @Test
    void instantsDatesAndWeekdaysReadAsThePagesShowThem() {
        assertThat(values.format("2026-03-05T02:30:00Z")).isEqualTo("2026-03-05 10:30");
        assertThat(values.format("2026-03-05T02:30:00.123456Z")).isEqualTo("2026-03-05 10:30");
        assertThat(values.format("2026-03-05")).isEqualTo("2026-03-05");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(values.format(List.of("MONDAY", "SATURDAY"))).isEqualTo("周一, 周六");
        assertThat(values.format(true)).isEqualTo("是");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(values.format(List.of("MONDAY", "SATURDAY"))).isEqualTo("Monday, Saturday");
    }

    @Test
    void otherValuesAreWrittenItemByItemNeverAsJavaToString() {
        assertThat(values.format(null)).isEqualTo("∅");
        assertThat(values.format(30)).isEqualTo("30");
        assertThat(values.format(0.50)).isEqualTo("0.5");
        assertThat(values.format("proposal")).isEqualTo("proposal");
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("kind", "CITY");
        nested.put("code", "310100");
        assertThat(values.format(List.of(nested))).isEqualTo("kind: CITY, code: 310100").doesNotContain("{").doesNotContain("=");
    }

    private static ReloadableResourceBundleMessageSource bundles() {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames("classpath:messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
