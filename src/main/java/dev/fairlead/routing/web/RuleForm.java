package dev.fairlead.routing.web;

import dev.fairlead.routing.RuleCondition;
import dev.fairlead.routing.RuleDefinition;
import dev.fairlead.routing.TargetKind;
import dev.fairlead.routing.domain.LeadField;
import dev.fairlead.routing.domain.Match;
import dev.fairlead.routing.domain.Operator;
import dev.fairlead.routing.domain.PeriodKind;
import dev.fairlead.routing.domain.StrategyKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rule form as the browser posts it: conditions as parallel rows, values and reps as comma-separated text. */
public class RuleForm {

    private String key;
    private String name;
    private Match match = Match.ALL;
    private List<LeadField> conditionField = new ArrayList<>();
    private List<Operator> conditionOperator = new ArrayList<>();
    private List<String> conditionValues = new ArrayList<>();
    private List<Double> conditionMin = new ArrayList<>();
    private List<Double> conditionMax = new ArrayList<>();
    private TargetKind targetKind = TargetKind.TEAM;
    private Long teamId;
    private boolean includeSubTeams = true;
    private List<Long> repIds = new ArrayList<>();
    private Long poolId;
    private StrategyKind strategy = StrategyKind.ROUND_ROBIN;
    private boolean requireTerritory;
    private boolean requireSkill;
    private PeriodKind period = PeriodKind.MONTH;
    private Double decay = 0.0;
    private Double guardMultiple = 1.5;
    private Double workloadPointsPerLead = 10.0;
    private String tiersA = "";
    private String tiersB = "";
    private String tiersC = "";
    private String tiersD = "";

    static RuleForm of(RuleDefinition d) {
        RuleForm f = new RuleForm();
        f.key = d.key();
        f.name = d.name();
        f.match = d.match();
        for (RuleCondition c : d.conditions()) {
            f.conditionField.add(c.field());
            f.conditionOperator.add(c.operator());
            f.conditionValues.add(String.join(", ", c.values()));
            f.conditionMin.add(c.min());
            f.conditionMax.add(c.max());
        }
        f.targetKind = d.targetKind();
        f.teamId = d.teamId();
        f.includeSubTeams = d.includeSubTeams();
        f.repIds = new ArrayList<>(d.repIds());
        f.poolId = d.poolId();
        f.strategy = d.strategy();
        f.requireTerritory = d.requireTerritory();
        f.requireSkill = d.requireSkill();
        f.period = d.period();
        f.decay = d.decay();
        f.guardMultiple = d.guardMultiple();
        f.workloadPointsPerLead = d.workloadPointsPerLead();
        f.tiersA = d.tierGroups().getOrDefault("A", "");
        f.tiersB = d.tierGroups().getOrDefault("B", "");
        f.tiersC = d.tierGroups().getOrDefault("C", "");
        f.tiersD = d.tierGroups().getOrDefault("D", "");
        return f;
    }

    RuleDefinition definition() {
        List<RuleCondition> conditions = new ArrayList<>();
        for (int i = 0; i < conditionField.size(); i++) {
            if (conditionField.get(i) == null) {
                continue;
            }
            String values = at(conditionValues, i);
            conditions.add(new RuleCondition(conditionField.get(i), at(conditionOperator, i),
                    values == null ? List.of() : Arrays.stream(values.split("[,，]")).map(String::trim).filter(v -> !v.isEmpty()).toList(),
                    at(conditionMin, i), at(conditionMax, i)));
        }
        Map<String, String> tiers = new LinkedHashMap<>();
        put(tiers, "A", tiersA);
        put(tiers, "B", tiersB);
        put(tiers, "C", tiersC);
        put(tiers, "D", tiersD);
        return new RuleDefinition(key, name, match, conditions, targetKind, teamId, includeSubTeams, repIds, poolId, strategy,
                requireTerritory, requireSkill, period, decay == null ? 0.0 : decay, guardMultiple, workloadPointsPerLead, tiers);
    }

    private static void put(Map<String, String> tiers, String grade, String spec) {
        if (spec != null && !spec.isBlank()) {
            tiers.put(grade, spec.trim());
        }
    }

    private static <T> T at(List<T> list, int i) {
        return i < list.size() ? list.get(i) : null;
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Match getMatch() { return match; }
    public void setMatch(Match match) { this.match = match; }
    public List<LeadField> getConditionField() { return conditionField; }
    public void setConditionField(List<LeadField> v) { this.conditionField = v; }
    public List<Operator> getConditionOperator() { return conditionOperator; }
    public void setConditionOperator(List<Operator> v) { this.conditionOperator = v; }
    public List<String> getConditionValues() { return conditionValues; }
    public void setConditionValues(List<String> v) { this.conditionValues = v; }
    public List<Double> getConditionMin() { return conditionMin; }
    public void setConditionMin(List<Double> v) { this.conditionMin = v; }
    public List<Double> getConditionMax() { return conditionMax; }
    public void setConditionMax(List<Double> v) { this.conditionMax = v; }
    public TargetKind getTargetKind() { return targetKind; }
    public void setTargetKind(TargetKind targetKind) { this.targetKind = targetKind; }
    public Long getTeamId() { return teamId; }
    public void setTeamId(Long teamId) { this.teamId = teamId; }
    public boolean isIncludeSubTeams() { return includeSubTeams; }
    public void setIncludeSubTeams(boolean v) { this.includeSubTeams = v; }
    public List<Long> getRepIds() { return repIds; }
    public void setRepIds(List<Long> repIds) { this.repIds = repIds; }
    public Long getPoolId() { return poolId; }
    public void setPoolId(Long poolId) { this.poolId = poolId; }
    public StrategyKind getStrategy() { return strategy; }
    public void setStrategy(StrategyKind strategy) { this.strategy = strategy; }
    public boolean isRequireTerritory() { return requireTerritory; }
    public void setRequireTerritory(boolean v) { this.requireTerritory = v; }
    public boolean isRequireSkill() { return requireSkill; }
    public void setRequireSkill(boolean v) { this.requireSkill = v; }
    public PeriodKind getPeriod() { return period; }
    public void setPeriod(PeriodKind period) { this.period = period; }
    public Double getDecay() { return decay; }
    public void setDecay(Double decay) { this.decay = decay; }
    public Double getGuardMultiple() { return guardMultiple; }
    public void setGuardMultiple(Double v) { this.guardMultiple = v; }
    public Double getWorkloadPointsPerLead() { return workloadPointsPerLead; }
    public void setWorkloadPointsPerLead(Double v) { this.workloadPointsPerLead = v; }
    public String getTiersA() { return tiersA; }
    public void setTiersA(String v) { this.tiersA = v; }
    public String getTiersB() { return tiersB; }
    public void setTiersB(String v) { this.tiersB = v; }
    public String getTiersC() { return tiersC; }
    public void setTiersC(String v) { this.tiersC = v; }
    public String getTiersD() { return tiersD; }
    public void setTiersD(String v) { this.tiersD = v; }
}
