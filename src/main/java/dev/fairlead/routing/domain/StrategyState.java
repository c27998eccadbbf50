package dev.fairlead.routing.domain;

import java.time.LocalDate;

/**
 * What strategies remember between decisions: round-robin pointers, smooth weighted round-robin
 * current weights, and the fairness ledger (points and expected value per rep per period). The
 * engine only reads it and returns {@link StateUpdate}s; the caller applies them (to the database
 * live, in memory in a backtest), so history replays through exactly the same code.
 */
public interface StrategyState {

    /** The rep a round-robin rule picked last, or null. */
    Long lastPicked(String ruleKey);

    /** A rep's current weight in a smooth weighted round-robin rule (0 when new). */
    long currentWeight(String ruleKey, long repId);

    /** Fairness points a rep received in the period starting at {@code periodStart}. */
    double points(long repId, PeriodKind kind, LocalDate periodStart);

    /** Expected value a rep received in the period starting at {@code periodStart}. */
    double value(long repId, PeriodKind kind, LocalDate periodStart);
}
