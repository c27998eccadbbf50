package dev.fairlead.routing;

import dev.fairlead.routing.domain.Match;
import dev.fairlead.routing.domain.PeriodKind;
import dev.fairlead.routing.domain.StrategyKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * One rule as written in the editor or the API. {@code key} identifies the rule across versions
 * (its round-robin state follows it); it is generated when empty.
 *
 * @param teamId for {@link TargetKind#TEAM}
 * @param repIds for {@link TargetKind#REPS}
 * @param poolId for {@link TargetKind#POOL}; null is the default pool
 * @param period fairness points and best-fit value share are counted per week or month
 * @param decay share (0–1) of last period's fairness points still counted
 * @param guardMultiple best fit: cap on a rep's share of expected value, as a multiple of the fair share
 * @param workloadPointsPerLead least loaded: task workload points that weigh as one open lead
 * @param tierGroups tiered: per grade A–D, tiers in order of preference, e.g. {@code "NEW > REGULAR"} or {@code "KEY_ACCOUNT, SENIOR"}
 */
public record RuleDefinition(
        @Size(max = 64, message = "{validation.size.max}") String key,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}") String name,
        Match match,
        @Size(max = 20, message = "{validation.size.max}") List<@Valid @NotNull(message = "{validation.required}") RuleCondition> conditions,
        @NotNull(message = "{validation.required}") TargetKind targetKind,
        Long teamId,
        Boolean includeSubTeams,
        List<Long> repIds,
        Long poolId,
        @NotNull(message = "{validation.required}") StrategyKind strategy,
        Boolean requireTerritory,
        Boolean requireSkill,
        PeriodKind period,
        Double decay,
        Double guardMultiple,
        Double workloadPointsPerLead,
        Map<String, String> tierGroups) {

    public RuleDefinition {
        match = match == null ? Match.ALL : match;
        conditions = conditions == null ? List.of() : conditions;
        repIds = repIds == null ? List.of() : repIds;
        period = period == null ? PeriodKind.MONTH : period;
        includeSubTeams = includeSubTeams == null || includeSubTeams;
        requireTerritory = Boolean.TRUE.equals(requireTerritory);
        requireSkill = Boolean.TRUE.equals(requireSkill);
        decay = decay == null ? 0.0 : decay;
        guardMultiple = guardMultiple == null ? 1.5 : guardMultiple;
        workloadPointsPerLead = workloadPointsPerLead == null ? 10.0 : workloadPointsPerLead;
        tierGroups = tierGroups == null ? Map.of() : tierGroups;
        key = key == null || key.isBlank() ? null : key.trim();
        name = name == null ? null : name.trim();
    }

    public RuleDefinition withKey(String newKey) {
        return new RuleDefinition(newKey, name, match, conditions, targetKind, teamId, includeSubTeams, repIds, poolId,
                strategy, requireTerritory, requireSkill, period, decay, guardMultiple, workloadPointsPerLead, tierGroups);
    }
}
