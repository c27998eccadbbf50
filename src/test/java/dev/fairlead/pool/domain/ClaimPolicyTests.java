package dev.fairlead.pool.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.pool.ClaimResult.Reason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClaimPolicyTests {

    static final Instant NOW = Instant.parse("2026-05-11T03:00:00Z");

    @Test
    void allowsAClaimWithinEveryLimit() {
        assertThat(ClaimPolicy.check(new ClaimPolicy.Facts(4, 5, 19, 20, null, 7, NOW))).isEmpty();
    }

    @Test
    void refusesTheClaimOverTheDailyLimit() {
        assertThat(ClaimPolicy.check(new ClaimPolicy.Facts(5, 5, 0, null, null, 7, NOW)))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(Reason.DAILY_LIMIT));
    }

    @Test
    void refusesARepWhoAlreadyOwnsTheMaximum() {
        assertThat(ClaimPolicy.check(new ClaimPolicy.Facts(0, 5, 20, 20, null, 7, NOW)))
                .hasValueSatisfying(r -> assertThat(r.args()).containsExactly(20));
    }

    @Test
    void refusesTheRepWhoLostTheLeadDuringTheCoolDownAndSaysUntilWhen() {
        Instant lost = NOW.minus(Duration.ofDays(6));
        assertThat(ClaimPolicy.check(new ClaimPolicy.Facts(0, 5, 0, null, lost, 7, NOW)))
                .hasValueSatisfying(r -> {
                    assertThat(r.reason()).isEqualTo(Reason.COOL_DOWN);
                    assertThat(r.args()).containsExactly(lost.plus(Duration.ofDays(7)));
                });
        assertThat(ClaimPolicy.check(new ClaimPolicy.Facts(0, 5, 0, null, NOW.minus(Duration.ofDays(7)), 7, NOW))).isEmpty();
    }

    @Test
    void noCoolDownWhenThePoolSetsNone() {
        assertThat(ClaimPolicy.check(new ClaimPolicy.Facts(0, 5, 0, null, NOW, 0, NOW))).isEmpty();
    }
}
