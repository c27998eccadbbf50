package dev.fairlead.routing.domain;

import java.time.LocalDate;
import java.util.Map;

/** A change to the strategy state that a decision asks for. */
public sealed interface StateUpdate {

    /** A round-robin rule now points at this rep. */
    record PointerMoved(String ruleKey, long repId) implements StateUpdate {}

    /** New current weights of the reps that took part in a smooth weighted round-robin pick. */
    record WeightsChanged(String ruleKey, Map<Long, Long> currentWeights) implements StateUpdate {}

    /** The receiving rep is charged the lead's points and expected value on that day. */
    record LedgerCharged(long repId, LocalDate day, double points, double value) implements StateUpdate {}
}
