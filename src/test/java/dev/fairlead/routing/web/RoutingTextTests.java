package dev.fairlead.routing.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.routing.RuleDefinition;
import dev.fairlead.routing.TargetKind;
import dev.fairlead.routing.domain.Reason;
import dev.fairlead.routing.domain.StrategyKind;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

class RoutingTextTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final RoutingText text = new RoutingText(bundles(), List.of(new dev.fairlead.common.web.RecordNames() {
        @Override
        public String kind() {
            return "rep";
        }

        @Override
        public java.util.Optional<String> name(long id) {
            return id == 7 ? java.util.Optional.of("李娜") : java.util.Optional.empty();
        }
    }));

    @Test
    void tiersAndRepsInAReasonAreNamedNotCoded() {
        LocaleContextHolder.setLocale(ZH);
        assertThat(text.reason(Reason.of("roundRobinNext", 7L))).isEqualTo("轮到李娜之后的下一位。");
        assertThat(text.reason(Reason.of("tierNotPreferred", "NEW", "A", "[KEY_ACCOUNT, SENIOR]")))
                .doesNotContain("KEY_ACCOUNT").doesNotContain("NEW");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(text.reason(Reason.of("roundRobinNext", 7L))).isEqualTo("Next in turn after 李娜.");
        assertThat(text.reason(Reason.of("tierGroup", "A", "[KEY_ACCOUNT, SENIOR]", "0.5"))).contains("Key account, ");
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aWeekdayInAReasonIsNamedInTheReadersLanguage() {
        Reason stored = Reason.of("notWorkingDay", DayOfWeek.SATURDAY); // as explanations store it: "SATURDAY"
        LocaleContextHolder.setLocale(ZH);
        assertThat(text.reason(stored)).isEqualTo("周六不是工作日");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(text.reason(stored)).isEqualTo("does not work on Saturday");
    }

    @Test
    void onlyTheWeekdayArgumentIsTranslatedAndAnythingElseStaysAsItIs() {
        LocaleContextHolder.setLocale(ZH);
        assertThat(text.reason(Reason.of("notWorkingDay", "someday"))).isEqualTo("someday不是工作日");
        assertThat(text.reason(Reason.of("industryMismatch", "MONDAY"))).as("an industry is not a weekday").isEqualTo("不负责行业 MONDAY");
    }

    @Test
    void aRuleTargetIsShownByTheNamesOfItsTeamRepsAndPool() {
        RuleTargetNames.Names names = new RuleTargetNames.Names(Map.of(2L, "华东大区"), Map.of(7L, "李娜", 8L, "王伟"),
                Map.of(5L, "华南公海"), "公海 Company pool");
        LocaleContextHolder.setLocale(ZH);
        assertThat(text.target(rule(TargetKind.TEAM, 2L, List.of(), null), names)).isEqualTo("团队 华东大区 （含下级团队）");
        assertThat(text.target(rule(TargetKind.REPS, null, List.of(7L, 8L), null), names)).isEqualTo("指定销售 李娜, 王伟");
        assertThat(text.target(rule(TargetKind.POOL, null, List.of(), 5L), names)).isEqualTo("公海池 华南公海");
        assertThat(text.target(rule(TargetKind.POOL, null, List.of(), null), names)).isEqualTo("公海池 公海 Company pool");
        assertThat(text.target(rule(TargetKind.TEAM, 99L, List.of(), null), names)).as("a deleted team keeps its id").startsWith("团队 #99");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(text.target(rule(TargetKind.POOL, null, List.of(), null), new RuleTargetNames.Names(Map.of(), Map.of(), Map.of(), null)))
                .isEqualTo("Public pool (the default pool)");
    }

    private static RuleDefinition rule(TargetKind kind, Long teamId, List<Long> repIds, Long poolId) {
        return new RuleDefinition(null, "r", null, List.of(), kind, teamId, true, repIds, poolId, StrategyKind.ROUND_ROBIN,
                false, false, null, null, null, null, null);
    }

    private static ReloadableResourceBundleMessageSource bundles() {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames("classpath:messages", "classpath:i18n/routing");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
