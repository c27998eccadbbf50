package dev.fairlead.leads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeadKeysTests {

    @Test
    void phoneKeepsDigitsWithoutChinasCountryCode() {
        assertThat(LeadKeys.phone("+86 138-1234-5678")).isEqualTo("13812345678");
        assertThat(LeadKeys.phone("0086 13812345678")).isEqualTo("13812345678");
        assertThat(LeadKeys.phone("１３８ １２３４ ５６７８")).isEqualTo("13812345678");
        assertThat(LeadKeys.phone("021-62345678")).isEqualTo("02162345678");
        assertThat(LeadKeys.phone("  ")).isNull();
    }

    @Test
    void emailIgnoresCaseSpacesAndFullWidth() {
        assertThat(LeadKeys.email("  Wang.Wei@Example.COM ")).isEqualTo("wang.wei@example.com");
        assertThat(LeadKeys.email("ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ")).isEqualTo("wang@example.com");
    }

    @Test
    void companyIgnoresLegalSuffixesSpacesCaseAndWidth() {
        String key = LeadKeys.company("上海云帆科技有限公司");
        assertThat(LeadKeys.company("上海 云帆科技 股份有限公司")).isEqualTo(key);
        assertThat(LeadKeys.company("上海云帆科技 Co., Ltd.")).isEqualTo(key);
        assertThat(LeadKeys.company("（上海）云帆科技有限公司")).isEqualTo(key);
        assertThat(LeadKeys.company("Acme Corporation")).isEqualTo(LeadKeys.company("ACME corp."));
        assertThat(LeadKeys.company("ＡＣＭＥ　Ｉｎｃ．")).isEqualTo(LeadKeys.company("acme"));
    }

    @Test
    void companyKeepsWordsThatMerelyEndLikeASuffix() {
        assertThat(LeadKeys.company("Costco")).isEqualTo("costco");
        assertThat(LeadKeys.company("Taco")).isEqualTo("taco");
    }
}
