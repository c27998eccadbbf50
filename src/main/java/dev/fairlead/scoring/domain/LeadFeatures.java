package dev.fairlead.scoring.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The features the predictive model sees, by name: categories as indicators ({@code industry=制造业}),
 * the budget on a log scale, the seniority the title suggests, and how often the lead engaged.
 */
public final class LeadFeatures {

    private static final List<String> SENIOR = List.of("总监", "总经理", "总裁", "董事", "ceo", "cto", "cfo", "coo", "cio",
            "vp", "vice president", "director", "head", "founder", "创始人", "owner", "老板", "partner", "合伙人");
    private static final List<String> MANAGER = List.of("经理", "主管", "manager", "lead", "负责人", "主任");

    private LeadFeatures() {}

    public static Map<String, Double> of(LeadFacts lead) {
        Map<String, Double> f = new LinkedHashMap<>();
        category(f, "source", lead.source());
        category(f, "industry", lead.industry());
        category(f, "size", lead.companySize());
        category(f, "product", lead.productInterest());
        category(f, "province", lead.provinceCode());
        if (lead.budget() != null) {
            f.put("budget.log10", Math.log10(1 + Math.max(0, lead.budget().doubleValue())));
            f.put("budget.known", 1.0);
        }
        String title = lead.title() == null ? "" : RuleScoring.fold(lead.title());
        if (SENIOR.stream().anyMatch(title::contains)) {
            f.put("title.senior", 1.0);
        } else if (MANAGER.stream().anyMatch(title::contains)) {
            f.put("title.manager", 1.0);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        lead.behaviours().forEach(e -> counts.merge(e.kind(), 1, Integer::sum));
        counts.forEach((kind, n) -> f.put("behaviour." + kind, Math.log1p(n)));
        f.put("behaviour.total", Math.log1p(lead.behaviours().size()));
        return f;
    }

    private static void category(Map<String, Double> f, String name, String value) {
        if (value != null && !value.isBlank()) {
            f.put(name + "=" + RuleScoring.fold(value), 1.0);
        }
    }
}
