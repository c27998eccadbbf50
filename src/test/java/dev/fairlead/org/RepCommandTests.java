package dev.fairlead.org;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepCommandTests {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void acceptsACompleteRep() {
        assertThat(invalidFields(rep().build())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "19987654321", "021-62345678", "0755-86001234", "02162345678", "+8613812345678", "+14155552671"})
    void acceptsChineseMobilesLandlinesAndInternationalNumbers(String phone) {
        assertThat(invalidFields(rep().phone(phone).build())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "12812345678", "1381234567", "138123456789", "62345678", "+0861381234", "phone"})
    void rejectsWhatIsNotAPhoneNumber(String phone) {
        assertThat(invalidFields(rep().phone(phone).build())).containsExactly("phone");
    }

    @Test
    void ignoresSpacesInPhoneNumbers() {
        RepCommand cmd = rep().phone("138 1234 5678").build();

        assertThat(cmd.phone()).isEqualTo("13812345678");
        assertThat(invalidFields(cmd)).isEmpty();
    }

    @Test
    void treatsBlankPhoneAndEmailAsAbsent() {
        RepCommand cmd = rep().phone("  ").email(" ").build();

        assertThat(cmd.phone()).isNull();
        assertThat(cmd.email()).isNull();
        assertThat(invalidFields(cmd)).isEmpty();
    }

    @Test
    void rejectsMalformedEmail() {
        assertThat(invalidFields(rep().email("li.na@@example").build())).containsExactly("email");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 1001})
    void rejectsWeightOutsideOneToAThousand(int weight) {
        assertThat(invalidFields(rep().weight(weight).build())).containsExactly("weight");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000})
    void acceptsWeightAtTheBounds(int weight) {
        assertThat(invalidFields(rep().weight(weight).build())).isEmpty();
    }

    @Test
    void requiresAtLeastOneWorkingDay() {
        assertThat(invalidFields(rep().workingDays(null).build())).containsExactly("workingDays");
        assertThat(invalidFields(rep().workingDays(Set.of()).build())).containsExactly("workingDays");
    }

    @Test
    void requiresTeamNameTierAndCapacity() {
        RepCommand cmd = new RepCommand(null, " ", null, null, null, null, null, null, null, null, null, null,
                EnumSet.of(DayOfWeek.MONDAY), null, null, null, null);

        assertThat(invalidFields(cmd)).containsExactlyInAnyOrder(
                "teamId", "name", "tier", "weight", "maxOpenLeads", "maxNewPerDay", "maxNewPerMonth");
    }

    @Test
    void rejectsNegativeCaps() {
        assertThat(invalidFields(rep().caps(-1, -1, -1).build()))
                .containsExactlyInAnyOrder("maxOpenLeads", "maxNewPerDay", "maxNewPerMonth");
    }

    @Test
    void rejectsLanguagesThatAreNotLanguageCodes() {
        assertThat(invalidFields(rep().languages(List.of("zh", "Mandarin")).build())).containsExactly("languages[1].<list element>");
    }

    @Test
    void rejectsTerritoryWithoutKindOrCode() {
        RepCommand cmd = rep().territories(List.of(new Territory(TerritoryKind.CITY, "310100"), new Territory(null, " "))).build();

        assertThat(invalidFields(cmd)).containsExactlyInAnyOrder("territories[1].kind", "territories[1].code");
    }

    @Test
    void defaultsMissingListsAndActiveFlag() {
        RepCommand cmd = new RepCommand(1L, "王伟", null, null, Tier.NEW, null, null, null, 10, 50, 5, 80,
                EnumSet.of(DayOfWeek.MONDAY), null, null, null, null);

        assertThat(cmd.industries()).isEmpty();
        assertThat(cmd.products()).isEmpty();
        assertThat(cmd.languages()).isEmpty();
        assertThat(cmd.territories()).isEmpty();
        assertThat(cmd.active()).isTrue();
    }

    private static List<String> invalidFields(RepCommand cmd) {
        return validator.validate(cmd).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .sorted()
                .toList();
    }

    private static RepBuilder rep() {
        return new RepBuilder();
    }

    /** A valid rep (李娜, Shanghai, regular tier) that single tests spoil one field at a time. */
    private static final class RepBuilder {
        private String email = "li.na@example.cn";
        private String phone = "13812345678";
        private Integer weight = 10;
        private Integer maxOpen = 80;
        private Integer maxDay = 10;
        private Integer maxMonth = 160;
        private Set<DayOfWeek> workingDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        private List<String> languages = List.of("zh", "en");
        private List<Territory> territories = List.of(new Territory(TerritoryKind.CITY, "310100"));

        RepBuilder email(String value) { email = value; return this; }
        RepBuilder phone(String value) { phone = value; return this; }
        RepBuilder weight(Integer value) { weight = value; return this; }
        RepBuilder workingDays(Set<DayOfWeek> value) { workingDays = value; return this; }
        RepBuilder languages(List<String> value) { languages = value; return this; }
        RepBuilder territories(List<Territory> value) { territories = value; return this; }

        RepBuilder caps(int open, int day, int month) {
            maxOpen = open;
            maxDay = day;
            maxMonth = month;
            return this;
        }

        RepCommand build() {
            return new RepCommand(7L, "李娜", email, phone, Tier.REGULAR, List.of("manufacturing"), List.of("crm"), languages,
                    weight, maxOpen, maxDay, maxMonth, workingDays, LocalDate.of(2021, 6, 1), true, territories, null);
        }
    }
}
