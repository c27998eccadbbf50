package dev.fairlead.routing.domain;

import dev.fairlead.org.Tier;
import java.util.List;
import java.util.Map;

/**
 * What one rule set would have done with a period of historical leads.
 *
 * @param waited leads that waited for working hours before they were routed (counted once each, in assigned or pooled)
 * @param expectedConversions sum over assigned leads of the receiving rep's conversion in the lead's segment × skill match
 * @param maxMinLoadRatio most leads any active rep got ÷ fewest; null when some active rep got none
 * @param capViolations assignments that left a rep past a cap (the engine excludes reps at a cap, so a non-zero value is a bug)
 * @param giniByTier Gini of expected value among the active reps of each tier
 */
public record BacktestResult(long ruleSetId, int ruleSetVersion, long leads, long assigned, long pooled, double pooledShare, long waited,
        double expectedValue, double expectedConversions, long capViolations, Double maxMinLoadRatio, int repsWithoutLeads,
        Map<Tier, Double> giniByTier, Map<String, Long> leadsPerRule, List<RepOutcome> reps) {

    /** Leads and expected value one rep would have received. */
    public record RepOutcome(long repId, String name, Tier tier, long leads, double expectedValue, double expectedConversions) {}
}
