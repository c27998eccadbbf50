package dev.fairlead.leads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.org.ChinaDivisions;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadTextTests {

    private final LeadText text = new LeadText(new ChinaDivisions());
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void readsCompanySizesFromBandsWordsAndCodes() {
        assertThat(LeadText.companySize("100-499人")).isEqualTo(CompanySize.MEDIUM);
        assertThat(LeadText.companySize("2000以上")).isEqualTo(CompanySize.ENTERPRISE);
        assertThat(LeadText.companySize("中型")).isEqualTo(CompanySize.MEDIUM);
        assertThat(LeadText.companySize("small")).isEqualTo(CompanySize.SMALL);
        assertThat(LeadText.companySize("巨大")).isNull();
    }

    @Test
    void readsBudgetsAsPeopleWriteThem() {
        assertThat(LeadText.budget("¥1,200,000")).isEqualByComparingTo("1200000");
        assertThat(LeadText.budget("120万")).isEqualByComparingTo("1200000");
        assertThat(LeadText.budget("50k")).isEqualByComparingTo("50000");
        assertThat(LeadText.budget("很多")).isNull();
    }

    @Test
    void readsProvincesAndCitiesByNameOrCode() {
        LeadText.Parsed parsed = text.parse(Map.of(LeadField.CONTACT_NAME, "王五", LeadField.PHONE, "13800000000",
                LeadField.PROVINCE, "广东省", LeadField.CITY, "深圳"), LeadSource.IMPORT, SHANGHAI);

        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.command().provinceCode()).isEqualTo("440000");
        assertThat(parsed.command().cityCode()).isEqualTo("440300");
        assertThat(text.parse(Map.of(LeadField.CITY, "北京"), LeadSource.IMPORT, SHANGHAI).command().cityCode()).isEqualTo("110100");
    }

    @Test
    void reportsEveryUnreadableValue() {
        LeadText.Parsed parsed = text.parse(Map.of(LeadField.COMPANY_SIZE, "巨大", LeadField.BUDGET, "很多",
                LeadField.SOURCE, "火星", LeadField.BEHAVIOUR, "下载"), LeadSource.IMPORT, SHANGHAI);

        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problems()).extracting(p -> p.field())
                .containsExactlyInAnyOrder("companySize", "budget", "source", "behaviourAt");
    }

    @Test
    void readsABehaviourWithLocalTime() {
        LeadText.Parsed parsed = text.parse(Map.of(LeadField.CONTACT_NAME, "王五", LeadField.BEHAVIOUR, "预约演示",
                LeadField.BEHAVIOUR_AT, "2026-01-10 10:00"), LeadSource.IMPORT, SHANGHAI);

        assertThat(parsed.command().behaviours()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(BehaviourKind.DEMO_REQUEST);
            assertThat(b.occurredAt()).isEqualTo(Instant.parse("2026-01-10T02:00:00Z"));
        });
        assertThat(parsed.command().source()).isEqualTo(LeadSource.IMPORT);
        assertThat(parsed.command().budget()).isNull();
        assertThat(LeadText.source("展会")).isEqualTo(LeadSource.EVENT);
    }
}
