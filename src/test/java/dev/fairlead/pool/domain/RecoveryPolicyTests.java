package dev.fairlead.pool.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.pool.domain.RecoveryPolicy.Exempt;
import dev.fairlead.pool.domain.RecoveryPolicy.Facts;
import dev.fairlead.pool.domain.RecoveryPolicy.Keep;
import dev.fairlead.pool.domain.RecoveryPolicy.Kind;
import dev.fairlead.pool.domain.RecoveryPolicy.Recover;
import dev.fairlead.pool.domain.RecoveryPolicy.Rule;
import dev.fairlead.pool.domain.RecoveryPolicy.Warn;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecoveryPolicyTests {

    static final Instant ASSIGNED = Instant.parse("2026-03-02T01:30:00Z");
    static final Rule SEVEN_DAYS_WARN_TWO = new Rule(7, null, 2);

    @Test
    void keepsALeadUntilTheWarningPeriodBegins() {
        assertThat(RecoveryPolicy.evaluate(owned(null), SEVEN_DAYS_WARN_TWO, days(4.9)))
                .isEqualTo(new Keep(Kind.NO_FOLLOW_UP, days(7)));
    }

    @Test
    void warnsKDaysBeforeRecovery() {
        assertThat(RecoveryPolicy.evaluate(owned(null), SEVEN_DAYS_WARN_TWO, days(5)))
                .isEqualTo(new Warn(Kind.NO_FOLLOW_UP, days(7), 7));
    }

    @Test
    void recoversAfterSevenDaysWithoutFollowUp() {
        assertThat(RecoveryPolicy.evaluate(owned(null), SEVEN_DAYS_WARN_TWO, days(7)))
                .isEqualTo(new Recover(Kind.NO_FOLLOW_UP, days(7), 7));
    }

    @Test
    void countsFromTheLastFollowUp() {
        assertThat(RecoveryPolicy.evaluate(owned(days(6)), SEVEN_DAYS_WARN_TWO, days(8)))
                .isEqualTo(new Keep(Kind.NO_FOLLOW_UP, days(13)));
    }

    @Test
    void aFollowUpBeforeTheAssignmentBelongsToTheFormerOwnerAndDoesNotCount() {
        Facts followedUpBefore = new Facts(ASSIGNED, ASSIGNED.minus(Duration.ofDays(30)), false, false);
        assertThat(RecoveryPolicy.evaluate(followedUpBefore, SEVEN_DAYS_WARN_TWO, days(7))).isInstanceOf(Recover.class);
    }

    @Test
    void theEarlierOfNoFollowUpAndNoDealDecides() {
        Rule both = new Rule(7, 5, 1);
        assertThat(RecoveryPolicy.evaluate(owned(days(4)), both, days(5)))
                .isEqualTo(new Recover(Kind.NO_DEAL, days(5), 5));
    }

    @Test
    void lockedLeadsAndLeadsWithAnOpenDealAreExempt() {
        assertThat(RecoveryPolicy.evaluate(new Facts(ASSIGNED, null, true, false), SEVEN_DAYS_WARN_TWO, days(100)))
                .isInstanceOf(Exempt.class);
        assertThat(RecoveryPolicy.evaluate(new Facts(ASSIGNED, null, false, true), SEVEN_DAYS_WARN_TWO, days(100)))
                .isInstanceOf(Exempt.class);
    }

    private static Facts owned(Instant lastFollowUp) {
        return new Facts(ASSIGNED, lastFollowUp, false, false);
    }

    private static Instant days(double days) {
        return ASSIGNED.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }
}
