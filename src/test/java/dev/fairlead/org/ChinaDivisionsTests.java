package dev.fairlead.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.org.ChinaDivisions.Division;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChinaDivisionsTests {

    private static final ChinaDivisions divisions = new ChinaDivisions();

    @ParameterizedTest
    @CsvSource({"44, 440000", "440000, 440000", "31, 310000", " 11 , 110000"})
    void provincesAreStoredInTheSixDigitForm(String given, String canonical) {
        assertThat(divisions.canonical(province(given))).contains(province(canonical));
    }

    @ParameterizedTest
    @CsvSource({"4403, 440300", "440300, 440300", "3101, 310100", "4401, 440100"})
    void citiesAreStoredInTheSixDigitForm(String given, String canonical) {
        assertThat(divisions.canonical(city(given))).contains(city(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99", "990000", "4403", "440300", "abc", ""})
    void rejectsWhatIsNotAProvince(String code) {
        assertThat(divisions.canonical(province(code))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999", "999900", "44", "440000", "440301", "abcd"})
    void rejectsWhatIsNotACity(String code) {
        assertThat(divisions.canonical(city(code))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "518", "518000", "200030"})
    void acceptsPostalCodePrefixesOfOneToSixDigits(String prefix) {
        assertThat(divisions.canonical(postal(prefix))).contains(postal(prefix));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "51a", "5180001", "", "-518"})
    void rejectsPostalPrefixesThatAreNotDigits(String prefix) {
        assertThat(divisions.canonical(postal(prefix))).isEmpty();
    }

    @Test
    void nullCodesAreNeverCanonical() {
        assertThat(divisions.canonicalProvince(null)).isEmpty();
        assertThat(divisions.canonicalCity(null)).isEmpty();
        assertThat(divisions.canonical(postal(null))).isEmpty();
    }

    @Test
    void describesTerritoriesInChinese() {
        assertThat(divisions.describe(province("440000"))).isEqualTo("广东省");
        assertThat(divisions.describe(city("440300"))).isEqualTo("广东省 深圳市");
        assertThat(divisions.describe(postal("518"))).isEqualTo("518*");
    }

    @Test
    void describesUnknownCodesByTheCodeItself() {
        assertThat(divisions.describe(province("990000"))).isEqualTo("990000");
        assertThat(divisions.describe(city("999900"))).isEqualTo("999900");
    }

    @Test
    void listsAllProvincialLevelDivisions() {
        assertThat(divisions.provinces()).hasSize(31)
                .extracting(Division::code)
                .contains("110000", "310000", "440000", "650000");
    }

    @Test
    void listsTheCitiesOfAProvinceGivenInEitherForm() {
        assertThat(divisions.cities("44")).extracting(Division::name).contains("广州市", "深圳市", "珠海市");
        assertThat(divisions.cities("440000")).isEqualTo(divisions.cities("44"));
        assertThat(divisions.cities("44")).allSatisfy(c -> assertThat(c.provinceCode()).isEqualTo("440000"));
        assertThat(divisions.cities("99")).isEmpty();
    }

    @Test
    void findsShenzhenByItsShortCode() {
        assertThat(divisions.canonicalCity("4403")).isEqualTo(Optional.of("440300"));
        assertThat(divisions.canonicalProvince("44")).isEqualTo(Optional.of("440000"));
    }

    private static Territory province(String code) {
        return new Territory(TerritoryKind.PROVINCE, code);
    }

    private static Territory city(String code) {
        return new Territory(TerritoryKind.CITY, code);
    }

    private static Territory postal(String code) {
        return new Territory(TerritoryKind.POSTAL_PREFIX, code);
    }
}
