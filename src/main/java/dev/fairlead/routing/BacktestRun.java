package dev.fairlead.routing;

import dev.fairlead.routing.domain.BacktestResult;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A backtest and how far it got. {@code candidate} is the rule set under test, {@code active} the
 * rule set that was active when it started; both are null until it is DONE. {@code scopeTeamId} is
 * the team a manager's backtest was limited to (its leads and reps, with the teams below it); null
 * for a director's or admin's, which covers the whole company.
 */
public record BacktestRun(long id, long ruleSetId, Long activeRuleSetId, LocalDate from, LocalDate to, String status,
        long processed, long total, String error, String startedBy, Long scopeTeamId, Instant startedAt, Instant finishedAt,
        BacktestResult candidate, BacktestResult active) {

    public int percent() {
        return total == 0 ? ("DONE".equals(status) ? 100 : 0) : (int) Math.min(100, processed * 100 / total);
    }

    public boolean running() {
        return "RUNNING".equals(status);
    }
}
