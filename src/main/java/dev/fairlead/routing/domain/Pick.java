package dev.fairlead.routing.domain;

import java.util.List;
import java.util.Map;

/**
 * A strategy's choice among eligible reps, with its figures per candidate (empty when not
 * explaining), notes for candidates it set aside, and the state changes it needs.
 */
record Pick(RepState winner, Reason why, Map<Long, Map<String, Double>> figures, Map<Long, Reason> notes,
        List<StateUpdate> updates) {}
