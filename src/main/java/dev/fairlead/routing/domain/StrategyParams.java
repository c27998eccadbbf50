package dev.fairlead.routing.domain;

import dev.fairlead.org.Tier;
import java.util.List;
import java.util.Map;

/**
 * Settings of the strategies; each strategy reads only its own.
 *
 * @param period fairness points and the best-fit value share are counted per week or month
 * @param decay share of last period's points still counted in this one (0 = reset, 0.5 = halve)
 * @param guardMultiple best fit: no rep's share of expected value may exceed this multiple of the fair share
 * @param workloadPointsPerLead least loaded: how many task workload points weigh as much as one open lead
 * @param tierGroups tiered: per grade (A–D), groups of tiers in order of preference; a grade not listed takes every tier
 */
public record StrategyParams(PeriodKind period, double decay, double guardMultiple, double workloadPointsPerLead,
        Map<String, List<List<Tier>>> tierGroups) {

    public static final Map<String, List<List<Tier>>> DEFAULT_TIERS = Map.of(
            "A", List.of(List.of(Tier.KEY_ACCOUNT, Tier.SENIOR)),
            "B", List.of(List.of(Tier.SENIOR, Tier.REGULAR), List.of(Tier.KEY_ACCOUNT)),
            "C", List.of(List.of(Tier.NEW), List.of(Tier.REGULAR)),
            "D", List.of(List.of(Tier.NEW), List.of(Tier.REGULAR)));

    public StrategyParams {
        period = period == null ? PeriodKind.MONTH : period;
        decay = Math.max(0, Math.min(1, decay));
        guardMultiple = guardMultiple <= 0 ? 1.5 : guardMultiple;
        workloadPointsPerLead = workloadPointsPerLead <= 0 ? 10 : workloadPointsPerLead;
        tierGroups = tierGroups == null ? DEFAULT_TIERS : Map.copyOf(tierGroups);
    }

    public static StrategyParams defaults() {
        return new StrategyParams(PeriodKind.MONTH, 0, 1.5, 10, DEFAULT_TIERS);
    }
}
