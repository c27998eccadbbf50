package dev.fairlead.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvolvingStrategyStateTests {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 18);

    @Test
    void readsTheStartingStateUntilADecisionChangesIt() {
        MemoryStrategyState start = new MemoryStrategyState().apply(List.of(new StateUpdate.PointerMoved("rr", 7),
                new StateUpdate.WeightsChanged("wrr", Map.of(1L, 2L, 2L, -2L)), new StateUpdate.LedgerCharged(1, DAY, 3.5, 1000)));
        EvolvingStrategyState state = new EvolvingStrategyState(start);

        assertThat(state.lastPicked("rr")).isEqualTo(7L);
        assertThat(state.currentWeight("wrr", 2)).isEqualTo(-2);
        assertThat(state.points(1, PeriodKind.WEEK, PeriodKind.WEEK.start(DAY))).isEqualTo(3.5);
        assertThat(state.lastPicked("other")).isNull();
    }

    @Test
    void pointersAndWeightsAreReplacedAndLedgerChargesAddUp() {
        MemoryStrategyState start = new MemoryStrategyState().apply(List.of(new StateUpdate.PointerMoved("rr", 7),
                new StateUpdate.WeightsChanged("wrr", Map.of(1L, 2L, 2L, -2L)), new StateUpdate.LedgerCharged(1, DAY, 3.5, 1000)));
        EvolvingStrategyState state = new EvolvingStrategyState(start);

        state.apply(List.of(new StateUpdate.PointerMoved("rr", 8), new StateUpdate.WeightsChanged("wrr", Map.of(1L, -1L)),
                new StateUpdate.LedgerCharged(1, DAY, 2.0, 500)));
        state.apply(List.of(new StateUpdate.LedgerCharged(1, DAY.plusDays(1), 1.0, 100)));

        assertThat(state.lastPicked("rr")).isEqualTo(8L);
        assertThat(state.currentWeight("wrr", 1)).isEqualTo(-1);
        assertThat(state.currentWeight("wrr", 2)).isEqualTo(-2);
        assertThat(state.points(1, PeriodKind.MONTH, PeriodKind.MONTH.start(DAY))).isEqualTo(6.5);
        assertThat(state.value(1, PeriodKind.MONTH, PeriodKind.MONTH.start(DAY))).isEqualTo(1600);
        assertThat(start.lastPicked("rr")).as("the starting state is left as it was").isEqualTo(7L);
    }
}
