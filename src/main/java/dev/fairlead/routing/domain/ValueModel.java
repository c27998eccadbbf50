package dev.fairlead.routing.domain;

/**
 * How a lead's expected value is estimated for fairness: a conversion probability from its score
 * (or grade) times its budget (or a typical budget when none was given); one fairness point per
 * {@code valuePerPoint} of expected value, plus one for the lead itself.
 */
public record ValueModel(double defaultBudget, double valuePerPoint, double baseProbability) {

    public static final ValueModel DEFAULT = new ValueModel(50_000, 5_000, 0.08);

    public LeadValue valueOf(LeadFacts lead) {
        double p = probability(lead);
        double budget = lead.budget() == null ? defaultBudget : lead.budget();
        double expected = p * budget;
        double points = Math.round((1 + expected / valuePerPoint) * 100) / 100.0;
        return new LeadValue(p, expected, points);
    }

    private double probability(LeadFacts lead) {
        if (lead.score() != null) {
            return 0.02 + 0.4 * Math.max(0, Math.min(100, lead.score())) / 100.0;
        }
        if (lead.grade() == null) {
            return baseProbability;
        }
        return switch (lead.grade()) {
            case "A" -> 0.35;
            case "B" -> 0.2;
            case "C" -> 0.1;
            default -> 0.04;
        };
    }

    /** Conversion probability, expected value (probability × budget) and the fairness points the lead costs. */
    public record LeadValue(double probability, double expectedValue, double points) {}
}
