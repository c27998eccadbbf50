package dev.fairlead.routing.domain;

import static dev.fairlead.routing.domain.Fixtures.SHANGHAI;
import static dev.fairlead.routing.domain.Fixtures.rep;
import static dev.fairlead.routing.domain.Fixtures.rule;
import static dev.fairlead.routing.domain.Fixtures.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The backtest replays working hours as live routing applies them: weekend and night leads wait for the next opening. */
class BacktestWorkingHoursTests {

    /** Saturday 2026-11-21, 22:00 in Shanghai. */
    private static final Instant SATURDAY_NIGHT = Instant.parse("2026-11-21T14:00:00Z");
    private static final Instant MONDAY_9AM = Instant.parse("2026-11-23T01:00:00Z");

    /** Weekdays 09:00–18:00 Shanghai; a rep off now starts again at the next weekday's 09:00 (if {@code holds}). */
    private record NineToSix(boolean holds) implements RepCalendar {
        @Override
        public Reason offAt(RepState rep, Instant at) {
            ZonedDateTime local = at.atZone(SHANGHAI);
            boolean weekday = local.getDayOfWeek().getValue() <= 5;
            LocalTime time = local.toLocalTime();
            return weekday && !time.isBefore(LocalTime.of(9, 0)) && time.isBefore(LocalTime.of(18, 0))
                    ? null : Reason.of("outsideHours", "09:00", "18:00");
        }

        @Override
        public Optional<Instant> holdsUntil(RepState rep, Instant at) {
            if (!holds) {
                return Optional.empty();
            }
            ZonedDateTime next = at.atZone(SHANGHAI).toLocalDate().atTime(9, 0).atZone(SHANGHAI);
            while (!next.toInstant().isAfter(at) || next.getDayOfWeek().getValue() > 5) {
                next = next.plusDays(1);
            }
            return Optional.of(next.toInstant());
        }
    }

    @Test
    void weekendLeadsWaitForMondaysStartAndAreRoutedBeforeLaterArrivals() {
        RuleSet ruleSet = rules(rule("rr", StrategyKind.ROUND_ROBIN, Fixtures.shanghaiTeam()));
        List<RepState> reps = List.of(rep(1, "李娜").caps(100, 2, 100).build());
        Backtest withoutHours = new Backtest(ruleSet, reps, SHANGHAI);
        Backtest withHours = new Backtest(ruleSet, reps, SHANGHAI, new NineToSix(true));

        for (Backtest b : List.of(withoutHours, withHours)) {
            b.route(lead(1, SATURDAY_NIGHT));
            b.route(lead(2, SATURDAY_NIGHT.plus(1, ChronoUnit.HOURS)));
        }
        Decision mondayWithout = withoutHours.route(lead(3, MONDAY_9AM.plus(1, ChronoUnit.HOURS)));
        Decision mondayWith = withHours.route(lead(3, MONDAY_9AM.plus(1, ChronoUnit.HOURS)));

        BacktestResult before = withoutHours.result();
        assertThat(before.pooled()).as("without calendars the weekend is lost").isEqualTo(2);
        assertThat(before.waited()).isZero();
        assertThat(mondayWithout).isInstanceOf(Decision.Assigned.class);

        BacktestResult after = withHours.result();
        assertThat(after.leads()).isEqualTo(3);
        assertThat(after.waited()).isEqualTo(2);
        assertThat(after.assigned()).isEqualTo(2);
        assertThat(after.pooled()).isEqualTo(1);
        assertThat(mondayWith).as("the two weekend leads took Monday's two places first").isInstanceOf(Decision.Pooled.class);
        assertThat(after.capViolations()).isZero();
    }

    @Test
    void aLeadNobodyCouldEverTakeIsPooledAtOnceAndATeamThatDoesNotHoldPoolsItsNightLeads() {
        RuleSet inTerritory = new RuleSet(1, 1, List.of(new Rule("territory", "territory", Match.ALL, List.of(), Fixtures.shanghaiTeam(),
                StrategyKind.ROUND_ROBIN, true, false, StrategyParams.defaults())), ValueModel.DEFAULT);
        RepState elsewhere = rep(1, "胡军").cities("440300").build();
        Backtest outside = new Backtest(inTerritory, List.of(elsewhere), SHANGHAI, new NineToSix(true));
        outside.route(lead(1, SATURDAY_NIGHT));
        assertThat(outside.result().waited()).as("a rep outside the territory is not waited for").isZero();
        assertThat(outside.result().pooled()).isEqualTo(1);

        Backtest noHold = new Backtest(rules(rule("rr", StrategyKind.ROUND_ROBIN, Fixtures.shanghaiTeam())), List.of(rep(2, "李娜").build()), SHANGHAI, new NineToSix(false));
        noHold.route(lead(2, MONDAY_9AM.minus(2, ChronoUnit.HOURS)));
        BacktestResult night = noHold.result();
        assertThat(night.waited()).isZero();
        assertThat(night.pooled()).as("Monday 07:00 is outside hours, and this team pools instead of waiting").isEqualTo(1);
    }

    @Test
    void aRepWorksByTheCalendarAtTheMinuteOfArrival() {
        RuleSet ruleSet = rules(rule("rr", StrategyKind.ROUND_ROBIN, Fixtures.shanghaiTeam()));
        Backtest backtest = new Backtest(ruleSet, List.of(rep(1, "李娜").works(DayOfWeek.values()).build()), SHANGHAI,
                new NineToSix(false));
        Decision atNine = backtest.route(lead(1, MONDAY_9AM));
        Decision atSix = backtest.route(lead(2, MONDAY_9AM.plus(9, ChronoUnit.HOURS)));
        Decision justBefore = backtest.route(lead(3, MONDAY_9AM.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MINUTES)));
        assertThat(atNine).isInstanceOf(Decision.Assigned.class);
        assertThat(atSix).as("18:00 is closed").isInstanceOf(Decision.Pooled.class);
        assertThat(justBefore).as("08:59 the next day is still closed").isInstanceOf(Decision.Pooled.class);
    }

    private static LeadFacts lead(long id, Instant createdAt) {
        return new LeadFacts(id, "WEB_FORM", "杭州云栖科技有限公司", null, "manufacturing", "SMALL", "310000", "310100", "200001", "crm",
                60_000.0, 55, null, createdAt, null, null);
    }
}
