package dev.fairlead.routing.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.org.Tier;
import dev.fairlead.routing.AssignmentKind;
import dev.fairlead.routing.AssignmentRecord;
import dev.fairlead.routing.domain.Explanation;
import dev.fairlead.routing.domain.Reason;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.routing.domain.ValueModel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/** The one-line summary above an explanation, in both languages, from the explanation's own data. */
class ExplanationSummaryTextTests {

    private static final ValueModel.LeadValue VALUE = new ValueModel.LeadValue(0.2, 24000, 1.5);

    private final RoutingText text = new RoutingText(bundles(), java.util.List.of());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void namesTheWinnerWhatSetHerApartAndCountsTheOthersByReason() {
        List<Explanation.CandidateTrace> candidates = new ArrayList<>();
        long id = 1;
        for (int i = 0; i < 24; i++) {
            candidates.add(excluded(id++, "outsideTerritory", "310100"));
        }
        for (int i = 0; i < 3; i++) {
            candidates.add(excluded(id++, "dailyCapReached", "5", "5"));
        }
        for (int i = 0; i < 2; i++) {
            candidates.add(excluded(id++, "notWorkingDay", "SATURDAY"));
        }
        candidates.add(new Explanation.CandidateTrace(id, "李娜", Tier.REGULAR, true, null, null, Map.of("points", 12.5), null, true));
        AssignmentRecord a = record(new Explanation(1, 1, VALUE, List.of(new Explanation.RuleTrace("east", "华东", StrategyKind.FAIRNESS_POINTS,
                true, List.of(), candidates, null)), Explanation.Outcome.ASSIGNED, id, "east", Reason.of("fewestPoints", 12.5, 1.5)));

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(text.summary(a)).isEqualTo(
                "李娜: in territory, fewest points (12.5); not the others: 24 outside territory, 3 at today's cap, 2 not working on Saturday");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(text.summary(a)).isEqualTo("李娜：在负责区域内，积分最少（12.5）；其他人未选中：24 人不在区域内，3 人已达今日上限，2 人周六不上班");
    }

    @Test
    void aPooledLeadSaysWhyAndWhoWasLeftOutInBothLanguages() {
        Explanation.RuleTrace rule = new Explanation.RuleTrace("a", "全员", StrategyKind.LEAST_LOADED, true, List.of(),
                List.of(excluded(1, "notWorkingDay", "SATURDAY"), excluded(2, "notWorkingDay", "SATURDAY"),
                        excluded(3, "notWorkingDay", "SATURDAY"), excluded(4, "dailyCapReached", "8", "8")),
                Reason.of("noEligibleRep", 4));
        AssignmentRecord a = record(new Explanation(1, 1, VALUE, List.of(rule), Explanation.Outcome.POOLED, null, null,
                Reason.of("everyRuleFellThrough")));

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(text.summary(a)).isEqualTo("To the public pool: no rule had an eligible rep; 3 not working on Saturday, 1 at today's cap");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(text.summary(a)).isEqualTo("进入公海池：各规则下均无符合条件的销售；3 人周六不上班，1 人已达今日上限");
    }

    @Test
    void aRuleThatFellThroughAndAReasonWithoutAShortFormStillRead() {
        Explanation.RuleTrace empty = new Explanation.RuleTrace("k", "大客户", StrategyKind.ROUND_ROBIN, true, List.of(),
                List.of(excluded(1, "openCapReached", "10", "10")), Reason.of("noEligibleRep", 1));
        Explanation.RuleTrace deciding = new Explanation.RuleTrace("t", "团队", StrategyKind.ROUND_ROBIN, true, List.of(),
                List.of(new Explanation.CandidateTrace(2, "王伟", Tier.SENIOR, true, null, null, Map.of(), null, true),
                        new Explanation.CandidateTrace(3, "周杰", Tier.SENIOR, true, null, null, Map.of(), null, false)), null);
        AssignmentRecord a = record(new Explanation(1, 1, VALUE, List.of(empty, deciding), Explanation.Outcome.ASSIGNED, 2L, "t",
                Reason.of("someFutureReason")));

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(text.summary(a)).isEqualTo("王伟: someFutureReason, after 1 earlier rule(s) found nobody; not the others: 1 eligible but ranked lower");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(text.summary(a)).isEqualTo("王伟：someFutureReason，前 1 条规则无人可分；其他人未选中：1 人符合条件但排序靠后");
    }

    @Test
    void aWholeNumberOfPointsReadsWithoutDecimals() {
        AssignmentRecord a = record(new Explanation(1, 1, VALUE, List.of(new Explanation.RuleTrace("t", "团队", StrategyKind.FAIRNESS_POINTS,
                true, List.of(), List.of(new Explanation.CandidateTrace(2, "王伟", Tier.SENIOR, true, null, null, Map.of(), null, true)), null)),
                Explanation.Outcome.ASSIGNED, 2L, "t", Reason.of("fewestPoints", 0.0, 1.5)));
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(text.summary(a)).isEqualTo("王伟：积分最少（0）");
    }

    @Test
    void aManualAssignmentIsTheRepAndTheManagersWords() {
        AssignmentRecord manual = new AssignmentRecord(9, 1, AssignmentKind.MANUAL, Explanation.Outcome.ASSIGNED, 5L, "李娜", null, null,
                null, null, null, "客户指定", "manager", 1, Instant.EPOCH, null);
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(text.summary(manual)).isEqualTo("李娜：客户指定");
    }

    private static AssignmentRecord record(Explanation e) {
        return new AssignmentRecord(1, 1, AssignmentKind.AUTO, e.outcome(), e.winnerRepId(), "fallback name", null, null, 1L, 1,
                e.ruleKey(), null, "system", 1, Instant.EPOCH, e);
    }

    private static Explanation.CandidateTrace excluded(long id, String code, String... args) {
        return new Explanation.CandidateTrace(id, "rep " + id, Tier.REGULAR, false, "policy", new Reason(code, List.of(args)), Map.of(),
                null, false);
    }

    private static ReloadableResourceBundleMessageSource bundles() {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames("classpath:messages", "classpath:i18n/routing");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
