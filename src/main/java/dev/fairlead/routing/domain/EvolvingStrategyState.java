package dev.fairlead.routing.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Strategy state for deciding many leads one after another in memory (a chunk of an import): the
 * state as it was read at the start, plus the changes of every decision applied since, so each
 * decision sees the pointers, weights and ledger balances it would see had the decisions before it
 * been stored one by one. Not thread-safe.
 */
public final class EvolvingStrategyState implements StrategyState {

    private final StrategyState start;
    private final Map<String, Long> pointers = new HashMap<>();
    private final Map<String, Map<Long, Long>> weights = new HashMap<>();
    private final MemoryStrategyState charged = new MemoryStrategyState();

    public EvolvingStrategyState(StrategyState start) {
        this.start = start;
    }

    @Override
    public Long lastPicked(String ruleKey) {
        Long moved = pointers.get(ruleKey);
        return moved != null ? moved : start.lastPicked(ruleKey);
    }

    @Override
    public long currentWeight(String ruleKey, long repId) {
        Map<Long, Long> changed = weights.get(ruleKey);
        Long weight = changed == null ? null : changed.get(repId);
        return weight != null ? weight : start.currentWeight(ruleKey, repId);
    }

    @Override
    public double points(long repId, PeriodKind kind, LocalDate periodStart) {
        return start.points(repId, kind, periodStart) + charged.points(repId, kind, periodStart);
    }

    @Override
    public double value(long repId, PeriodKind kind, LocalDate periodStart) {
        return start.value(repId, kind, periodStart) + charged.value(repId, kind, periodStart);
    }

    /** Applies a decision's changes: pointers and weights replace, ledger charges add up. */
    public EvolvingStrategyState apply(List<StateUpdate> updates) {
        for (StateUpdate update : updates) {
            if (update instanceof StateUpdate.PointerMoved p) {
                pointers.put(p.ruleKey(), p.repId());
            } else if (update instanceof StateUpdate.WeightsChanged w) {
                weights.computeIfAbsent(w.ruleKey(), k -> new HashMap<>()).putAll(w.currentWeights());
            } else if (update instanceof StateUpdate.LedgerCharged) {
                charged.apply(List.of(update));
            }
        }
        return this;
    }
}
