/** Assignment engine (F4): rule sets, strategies, eligibility, explanations, fairness ledger, backtest and rebalancing. */
package dev.fairlead.routing;
