package dev.fairlead.routing.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Strategy state kept in memory: for backtests, and for tests of the engine. Not thread-safe. */
public final class MemoryStrategyState implements StrategyState {

    private final Map<String, Long> pointers = new HashMap<>();
    private final Map<String, Map<Long, Long>> weights = new HashMap<>();
    /** Per period kind, per period start, per rep: {points, expected value}. */
    private final Map<PeriodKind, Map<LocalDate, Map<Long, double[]>>> ledger = new EnumMap<>(PeriodKind.class);

    public MemoryStrategyState() {
        for (PeriodKind kind : PeriodKind.values()) {
            ledger.put(kind, new HashMap<>());
        }
    }

    @Override
    public Long lastPicked(String ruleKey) {
        return pointers.get(ruleKey);
    }

    @Override
    public long currentWeight(String ruleKey, long repId) {
        Map<Long, Long> w = weights.get(ruleKey);
        return w == null ? 0 : w.getOrDefault(repId, 0L);
    }

    @Override
    public double points(long repId, PeriodKind kind, LocalDate periodStart) {
        double[] entry = entry(repId, kind, periodStart);
        return entry == null ? 0 : entry[0];
    }

    @Override
    public double value(long repId, PeriodKind kind, LocalDate periodStart) {
        double[] entry = entry(repId, kind, periodStart);
        return entry == null ? 0 : entry[1];
    }

    private double[] entry(long repId, PeriodKind kind, LocalDate periodStart) {
        Map<Long, double[]> period = ledger.get(kind).get(periodStart);
        return period == null ? null : period.get(repId);
    }

    public MemoryStrategyState apply(List<StateUpdate> updates) {
        for (StateUpdate update : updates) {
            if (update instanceof StateUpdate.PointerMoved p) {
                pointers.put(p.ruleKey(), p.repId());
            } else if (update instanceof StateUpdate.WeightsChanged w) {
                weights.computeIfAbsent(w.ruleKey(), k -> new HashMap<>()).putAll(w.currentWeights());
            } else if (update instanceof StateUpdate.LedgerCharged c) {
                for (PeriodKind kind : PeriodKind.values()) {
                    double[] entry = ledger.get(kind).computeIfAbsent(kind.start(c.day()), k -> new HashMap<>())
                            .computeIfAbsent(c.repId(), k -> new double[2]);
                    entry[0] += c.points();
                    entry[1] += c.value();
                }
            }
        }
        return this;
    }
}
