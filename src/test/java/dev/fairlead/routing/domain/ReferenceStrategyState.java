package dev.fairlead.routing.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The strategy state kept in maps, as the backtest had it before it was optimised; the reference for {@link ReferenceBacktest}. */
final class ReferenceStrategyState implements StrategyState {

    private final Map<String, Long> pointers = new HashMap<>();
    private final Map<String, Map<Long, Long>> weights = new HashMap<>();
    private final Map<LedgerKey, double[]> ledger = new HashMap<>();

    private record LedgerKey(long repId, PeriodKind kind, LocalDate start) {}

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
        double[] entry = ledger.get(new LedgerKey(repId, kind, periodStart));
        return entry == null ? 0 : entry[0];
    }

    @Override
    public double value(long repId, PeriodKind kind, LocalDate periodStart) {
        double[] entry = ledger.get(new LedgerKey(repId, kind, periodStart));
        return entry == null ? 0 : entry[1];
    }

    ReferenceStrategyState apply(List<StateUpdate> updates) {
        for (StateUpdate update : updates) {
            if (update instanceof StateUpdate.PointerMoved p) {
                pointers.put(p.ruleKey(), p.repId());
            } else if (update instanceof StateUpdate.WeightsChanged w) {
                weights.computeIfAbsent(w.ruleKey(), k -> new HashMap<>()).putAll(w.currentWeights());
            } else if (update instanceof StateUpdate.LedgerCharged c) {
                for (PeriodKind kind : PeriodKind.values()) {
                    double[] entry = ledger.computeIfAbsent(new LedgerKey(c.repId(), kind, kind.start(c.day())), k -> new double[2]);
                    entry[0] += c.points();
                    entry[1] += c.value();
                }
            }
        }
        return this;
    }
}
