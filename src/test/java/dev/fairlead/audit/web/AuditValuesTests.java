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
import java.util.Optional;
import dev.fairlead.common.web.RecordNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

class AuditValuesTests {

    private final AuditLabels labels = new AuditLabels(bundles(), List.of(new RecordNames() {
        @Override
        public String kind() {
            return "rep";
        }

        @Override
        public Optional<String> name(long id) {
            return id == 17 ? Optional.of("李娜") : Optional.empty();
        }
    }));
    private final AuditValues values = new AuditValues(bundles(),
            new DateTimes(Clock.fixed(Instant.parse("2026-03-05T00:00:00Z"), ZoneId.of("Asia/Shanghai"))), labels);

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void moneyAsTheTrailStoresItIsWrittenWithItsCurrencyAndCents() {
        // Money as JSON in a deal snapshot, read back into a map: {amount=1000.0, currency=CNY, negative=false}
        Map<String, Object> stored = new LinkedHashMap<>(Map.of("amount", 1000.0, "currency", "CNY", "negative", false));
        assertThat(values.format(stored)).isEqualTo("¥1,000.00");
        assertThat(values.format(Map.of("amount", new BigDecimal("1234567.5"), "currency", "USD"))).isEqualTo("US$1,234,567.50");
        assertThat(values.format("CNY 88000.00")).as("a won deal's revenue, kept as text").isEqualTo("¥88,000.00");
        assertThat(values.format("GBP 12.5")).as("a currency without a sign here keeps its code").isEqualTo("GBP 12.50");
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
        assertThat(values.format("something typed")).isEqualTo("something typed");
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("kind", "CITY");
        nested.put("code", "310100");
        assertThat(values.format(List.of(nested))).isEqualTo("Kind: City, Code: 310100").doesNotContain("{").doesNotContain("=");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(values.format(List.of(nested))).isEqualTo("类型: 城市, 代码: 310100");
    }

    @Test
    void codesIdsAndFieldNamesReadInTheReadersLanguage() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(values.format("ownerRepId", 17)).as("a rep's id is her name").isEqualTo("李娜");
        assertThat(values.format("ownerRepId", 99)).as("a rep nobody can name stays a number").isEqualTo("99");
        assertThat(values.format("status", "CONTACTED")).isEqualTo("已联系");
        assertThat(values.format("stage", "proposal")).isEqualTo("方案报价");
        assertThat(values.format("stage", "contact")).isEqualTo("初步接洽");
        assertThat(values.format(Map.of("kind", "REP", "name", "李娜", "repId", 17))).isEqualTo("李娜");
        assertThat(labels.action("ASSIGN")).isEqualTo("分配");
        assertThat(labels.action("ROLLBACK")).isEqualTo("回滚");
        assertThat(labels.field("contactName")).isEqualTo("联系人");
        assertThat(labels.field("ownerRepId")).isEqualTo("负责销售");
        assertThat(labels.entity("rep", "17")).isEqualTo("销售 李娜");
        assertThat(labels.entity("lead", "12")).isEqualTo("线索 #12");
        assertThat(labels.actor("system")).isEqualTo("系统");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(labels.action("ASSIGN")).isEqualTo("Assigned");
        assertThat(labels.field("contactName")).isEqualTo("Contact");
    }

    private static ReloadableResourceBundleMessageSource bundles() {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames("classpath:messages", "classpath:i18n/audit", "classpath:i18n/leads");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
