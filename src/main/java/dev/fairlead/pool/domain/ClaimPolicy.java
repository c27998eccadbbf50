package dev.fairlead.pool.domain;

import dev.fairlead.pool.ClaimResult.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a rep may claim one more lead from a pool: under the pool's claims per day, under its
 * maximum of owned leads, and not within the cool-down after losing this very lead.
 */
public final class ClaimPolicy {

    /**
     * @param claimsToday claims the rep made today, read under the rep's claim-counter lock
     * @param ownedLeads leads the rep owns as the pool counts them (open, plus won customers if configured)
     * @param lastLostAt when the rep last released this lead or lost it to recovery (null: never)
     */
    public record Facts(int claimsToday, int claimsPerDay, int ownedLeads, Integer maxOwnedLeads, Instant lastLostAt,
            int coolDownDays, Instant now) {}

    public record Refusal(Reason reason, List<Object> args) {}

    private ClaimPolicy() {}

    public static Optional<Refusal> check(Facts f) {
        if (f.lastLostAt() != null && f.coolDownDays() > 0) {
            Instant until = f.lastLostAt().plus(Duration.ofDays(f.coolDownDays()));
            if (f.now().isBefore(until)) {
                return Optional.of(new Refusal(Reason.COOL_DOWN, List.of(until)));
            }
        }
        if (f.claimsToday() >= f.claimsPerDay()) {
            return Optional.of(new Refusal(Reason.DAILY_LIMIT, List.of(f.claimsPerDay())));
        }
        if (f.maxOwnedLeads() != null && f.ownedLeads() >= f.maxOwnedLeads()) {
            return Optional.of(new Refusal(Reason.MAX_OWNED, List.of(f.maxOwnedLeads())));
        }
        return Optional.empty();
    }
}
