package dev.fairlead.org.web;

import dev.fairlead.org.Rep;
import dev.fairlead.org.RepCommand;
import dev.fairlead.org.Territory;
import dev.fairlead.org.TerritoryKind;
import dev.fairlead.org.Tier;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/** The rep form as the browser posts it: lists as comma-separated text, territories as parallel rows. */
public class RepForm {

    private Long teamId;
    private String name;
    private String email;
    private String phone;
    private Tier tier = Tier.REGULAR;
    private String industries = "";
    private String products = "";
    private String languages = "zh";
    private Integer weight = 10;
    private Integer maxOpenLeads = 50;
    private Integer maxNewPerDay = 10;
    private Integer maxNewPerMonth = 150;
    private Set<DayOfWeek> workingDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate hireDate;
    private boolean active = true;
    private List<TerritoryKind> territoryKind = new ArrayList<>();
    private List<String> territoryCode = new ArrayList<>();
    private Integer version;

    static RepForm of(Rep rep) {
        RepForm f = new RepForm();
        f.teamId = rep.teamId();
        f.name = rep.name();
        f.email = rep.email();
        f.phone = rep.phone();
        f.tier = rep.tier();
        f.industries = String.join(", ", rep.industries());
        f.products = String.join(", ", rep.products());
        f.languages = String.join(", ", rep.languages());
        f.weight = rep.weight();
        f.maxOpenLeads = rep.maxOpenLeads();
        f.maxNewPerDay = rep.maxNewPerDay();
        f.maxNewPerMonth = rep.maxNewPerMonth();
        f.workingDays = rep.workingDays().isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(rep.workingDays());
        f.hireDate = rep.hireDate();
        f.active = rep.active();
        rep.territories().forEach(t -> {
            f.territoryKind.add(t.kind());
            f.territoryCode.add(t.code());
        });
        f.version = rep.version();
        return f;
    }

    RepCommand command() {
        List<Territory> territories = new ArrayList<>();
        for (int i = 0; i < territoryCode.size(); i++) {
            String code = territoryCode.get(i);
            if (code != null && !code.isBlank()) {
                territories.add(new Territory(i < territoryKind.size() ? territoryKind.get(i) : null, code.trim()));
            }
        }
        return new RepCommand(teamId, name, email, phone, tier, split(industries), split(products), split(languages),
                weight, maxOpenLeads, maxNewPerDay, maxNewPerMonth, workingDays == null ? Set.of() : workingDays,
                hireDate, active, territories, version);
    }

    private static List<String> split(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[,，;；]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public Long getTeamId() { return teamId; }
    public void setTeamId(Long teamId) { this.teamId = teamId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public Tier getTier() { return tier; }
    public void setTier(Tier tier) { this.tier = tier; }
    public String getIndustries() { return industries; }
    public void setIndustries(String industries) { this.industries = industries; }
    public String getProducts() { return products; }
    public void setProducts(String products) { this.products = products; }
    public String getLanguages() { return languages; }
    public void setLanguages(String languages) { this.languages = languages; }
    public Integer getWeight() { return weight; }
    public void setWeight(Integer weight) { this.weight = weight; }
    public Integer getMaxOpenLeads() { return maxOpenLeads; }
    public void setMaxOpenLeads(Integer maxOpenLeads) { this.maxOpenLeads = maxOpenLeads; }
    public Integer getMaxNewPerDay() { return maxNewPerDay; }
    public void setMaxNewPerDay(Integer maxNewPerDay) { this.maxNewPerDay = maxNewPerDay; }
    public Integer getMaxNewPerMonth() { return maxNewPerMonth; }
    public void setMaxNewPerMonth(Integer maxNewPerMonth) { this.maxNewPerMonth = maxNewPerMonth; }
    public Set<DayOfWeek> getWorkingDays() { return workingDays; }
    public void setWorkingDays(Set<DayOfWeek> workingDays) { this.workingDays = workingDays; }
    public LocalDate getHireDate() { return hireDate; }
    public void setHireDate(LocalDate hireDate) { this.hireDate = hireDate; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public List<TerritoryKind> getTerritoryKind() { return territoryKind; }
    public void setTerritoryKind(List<TerritoryKind> territoryKind) { this.territoryKind = territoryKind; }
    public List<String> getTerritoryCode() { return territoryCode; }
    public void setTerritoryCode(List<String> territoryCode) { this.territoryCode = territoryCode; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
