package dev.fairlead.scoring.domain;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Rule-based lead scoring: the points of every matching criterion, summed and held within 0–100. */
public final class RuleScoring {

    private RuleScoring() {}

    public static ScoreCard score(LeadFacts lead, RuleSet rules, Instant now) {
        List<ScoreCard.Contribution> contributions = new ArrayList<>();
        int total = 0;
        for (Criterion c : rules.criteria()) {
            Optional<ScoreCard.Contribution> contribution = evaluate(c, lead, now);
            if (contribution.isPresent()) {
                contributions.add(contribution.get());
                total += contribution.get().points();
            }
        }
        int score = Math.max(0, Math.min(100, total));
        return new ScoreCard(score, rules.grade(score), contributions);
    }

    private static Optional<ScoreCard.Contribution> evaluate(Criterion c, LeadFacts lead, Instant now) {
        String matched = switch (c.kind()) {
            case INDUSTRY_IN -> oneOf(lead.industry(), c.values());
            case COMPANY_SIZE_IN -> oneOf(lead.companySize(), c.values());
            case TITLE_CONTAINS -> containsAny(lead.title(), c.values());
            case PRODUCT_INTEREST_IN -> c.values().isEmpty() ? lead.productInterest() : oneOf(lead.productInterest(), c.values());
            case SOURCE_IN -> oneOf(lead.source(), c.values());
            case REGION_IN -> region(lead, c.values());
            case BUDGET_RANGE -> budget(lead, c);
            case BEHAVIOUR -> null;
        };
        if (c.kind() == CriterionKind.BEHAVIOUR) {
            int count = behaviourCount(lead, c, now);
            return count == 0 ? Optional.empty()
                    : Optional.of(new ScoreCard.Contribution(c.id(), c.group(), c.label(), count * c.points(), count + "×"));
        }
        return matched == null ? Optional.empty()
                : Optional.of(new ScoreCard.Contribution(c.id(), c.group(), c.label(), c.points(), matched));
    }

    private static String budget(LeadFacts lead, Criterion c) {
        if (lead.budget() == null) {
            return null;
        }
        boolean aboveMin = c.min() == null || lead.budget().compareTo(c.min()) >= 0;
        boolean belowMax = c.max() == null || lead.budget().compareTo(c.max()) < 0;
        return aboveMin && belowMax ? lead.budget().toPlainString() : null;
    }

    private static int behaviourCount(LeadFacts lead, Criterion c, Instant now) {
        Instant since = c.withinDays() == null ? Instant.MIN : now.minus(Duration.ofDays(c.withinDays()));
        long count = lead.behaviours().stream()
                .filter(e -> c.values().isEmpty() || c.values().stream().anyMatch(v -> v.equalsIgnoreCase(e.kind())))
                .filter(e -> !e.at().isBefore(since) && !e.at().isAfter(now.plus(Duration.ofMinutes(5))))
                .count();
        int max = c.maxCount() == null || c.maxCount() <= 0 ? Integer.MAX_VALUE : c.maxCount();
        return (int) Math.min(count, max);
    }

    private static String region(LeadFacts lead, List<String> prefixes) {
        for (String p : prefixes) {
            String prefix = p.trim();
            if (prefix.isEmpty()) {
                continue;
            }
            if (lead.cityCode() != null && lead.cityCode().startsWith(prefix)) {
                return lead.cityCode();
            }
            if (lead.provinceCode() != null && lead.provinceCode().startsWith(prefix)) {
                return lead.provinceCode();
            }
        }
        return null;
    }

    private static String oneOf(String value, List<String> values) {
        if (value == null) {
            return null;
        }
        String v = fold(value);
        return values.stream().anyMatch(x -> fold(x).equals(v)) ? value : null;
    }

    private static String containsAny(String value, List<String> needles) {
        if (value == null) {
            return null;
        }
        String v = fold(value);
        return needles.stream().filter(n -> !n.isBlank() && v.contains(fold(n))).findFirst().orElse(null);
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
    }
}
