package dev.fairlead.pool.web;

import dev.fairlead.pool.Pool;
import dev.fairlead.pool.PoolCommand;
import dev.fairlead.pool.RecoveryRule;
import java.util.ArrayList;
import java.util.List;

/** The pool form: settings, member teams, and one rule row per grade ("" = any other grade). */
public class PoolForm {

    static final List<String> GRADES = List.of("", "A", "B", "C", "D");

    private String name;
    private String description;
    private Integer claimsPerDay = 10;
    private Integer maxOwnedLeads;
    private boolean countWonCustomers;
    private Integer coolDownDays = 7;
    private List<Long> teamIds = new ArrayList<>();
    private List<Integer> noFollowUpDays = new ArrayList<>(blank());
    private List<Integer> noDealDays = new ArrayList<>(blank());
    private List<Integer> warnDays = new ArrayList<>(blank());
    private Integer version;

    static PoolForm of(Pool pool) {
        PoolForm f = new PoolForm();
        f.name = pool.name();
        f.description = pool.description();
        f.claimsPerDay = pool.claimsPerDay();
        f.maxOwnedLeads = pool.maxOwnedLeads();
        f.countWonCustomers = pool.countWonCustomers();
        f.coolDownDays = pool.coolDownDays();
        f.teamIds = new ArrayList<>(pool.teamIds());
        for (RecoveryRule r : pool.rules()) {
            int i = GRADES.indexOf(r.grade() == null ? "" : r.grade());
            f.noFollowUpDays.set(i, r.noFollowUpDays());
            f.noDealDays.set(i, r.noDealDays());
            f.warnDays.set(i, r.warnDays());
        }
        f.version = pool.version();
        return f;
    }

    PoolCommand command() {
        List<RecoveryRule> rules = new ArrayList<>();
        for (int i = 0; i < GRADES.size(); i++) {
            Integer n = at(noFollowUpDays, i);
            Integer m = at(noDealDays, i);
            if (n != null || m != null) {
                Integer k = at(warnDays, i);
                rules.add(new RecoveryRule(GRADES.get(i), n, m, k == null ? 0 : k));
            }
        }
        return new PoolCommand(name, description, claimsPerDay == null ? 0 : claimsPerDay, maxOwnedLeads,
                countWonCustomers, coolDownDays == null ? 0 : coolDownDays, teamIds, rules, version);
    }

    private static Integer at(List<Integer> values, int i) {
        return values != null && i < values.size() ? values.get(i) : null;
    }

    private static List<Integer> blank() {
        List<Integer> values = new ArrayList<>();
        GRADES.forEach(g -> values.add(null));
        return values;
    }

    public List<String> getGrades() {
        return GRADES;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Integer getClaimsPerDay() { return claimsPerDay; }
    public void setClaimsPerDay(Integer claimsPerDay) { this.claimsPerDay = claimsPerDay; }
    public Integer getMaxOwnedLeads() { return maxOwnedLeads; }
    public void setMaxOwnedLeads(Integer maxOwnedLeads) { this.maxOwnedLeads = maxOwnedLeads; }
    public boolean isCountWonCustomers() { return countWonCustomers; }
    public void setCountWonCustomers(boolean countWonCustomers) { this.countWonCustomers = countWonCustomers; }
    public Integer getCoolDownDays() { return coolDownDays; }
    public void setCoolDownDays(Integer coolDownDays) { this.coolDownDays = coolDownDays; }
    public List<Long> getTeamIds() { return teamIds; }
    public void setTeamIds(List<Long> teamIds) { this.teamIds = teamIds == null ? new ArrayList<>() : teamIds; }
    public List<Integer> getNoFollowUpDays() { return noFollowUpDays; }
    public void setNoFollowUpDays(List<Integer> v) { this.noFollowUpDays = v; }
    public List<Integer> getNoDealDays() { return noDealDays; }
    public void setNoDealDays(List<Integer> v) { this.noDealDays = v; }
    public List<Integer> getWarnDays() { return warnDays; }
    public void setWarnDays(List<Integer> v) { this.warnDays = v; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
