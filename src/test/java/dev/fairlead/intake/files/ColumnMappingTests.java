package dev.fairlead.intake.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.fairlead.leads.LeadField;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnMappingTests {

    @Test
    void mapsChineseHeaders() {
        assertThat(ColumnMapping.propose(List.of("公司名称", "联系人", "手机号码", "电子邮箱", "所在省份", "城市", "所属行业", "预算（元）", "备注")))
                .containsExactly(entry(0, LeadField.COMPANY), entry(1, LeadField.CONTACT_NAME), entry(2, LeadField.PHONE),
                        entry(3, LeadField.EMAIL), entry(4, LeadField.PROVINCE), entry(5, LeadField.CITY),
                        entry(6, LeadField.INDUSTRY), entry(7, LeadField.BUDGET));
    }

    @Test
    void mapsEnglishHeadersWhateverTheirSpellingAndMarkers() {
        assertThat(ColumnMapping.propose(List.of("Company Name", "CONTACT", "E-mail*", "Mobile Phone", "Job Title", "Zip Code", "company_size")))
                .containsExactly(entry(0, LeadField.COMPANY), entry(1, LeadField.CONTACT_NAME), entry(2, LeadField.EMAIL),
                        entry(3, LeadField.PHONE), entry(4, LeadField.TITLE), entry(5, LeadField.POSTAL_CODE),
                        entry(6, LeadField.COMPANY_SIZE));
    }

    @Test
    void takesEachFieldOnceAndIgnoresUnknownColumns() {
        assertThat(ColumnMapping.propose(List.of("电话", "座机", "备注", "")))
                .containsExactly(entry(0, LeadField.PHONE));
    }

    @Test
    void normalisesFullWidthAndUnits() {
        assertThat(ColumnMapping.field("ＥＭＡＩＬ")).isEqualTo(LeadField.EMAIL);
        assertThat(ColumnMapping.field("预算(万元)")).isEqualTo(LeadField.BUDGET);
        assertThat(ColumnMapping.field("\uFEFF公司")).isEqualTo(LeadField.COMPANY);
    }
}
