package dev.fairlead.routing.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rep most likely to convert this lead: historical conversion in the lead's segment (shrunk
 * towards the rep's overall rate, and that towards a typical rate, when history is thin) times
 * skill match. Guard: a rep whose share of this period's expected value among the candidates
 * would pass {@code guardMultiple} × the fair share is set aside; if that sets everyone aside,
 * the reps with the least value so far compete.
 */
final class BestFit implements Strategy {

    static final double TYPICAL_RATE = 0.15;
    static final double OVERALL_STRENGTH = 10;
    static final double SEGMENT_STRENGTH = 5;

    @Override
    public Pick pick(Rule rule, LeadFacts lead, ValueModel.LeadValue value, List<RepState> eligible, StrategyState state,
            LocalDate day, boolean explain) {
        PeriodKind period = rule.params().period();
        LocalDate start = period.start(day);
        double total = value.expectedValue();
        double minValue = Double.MAX_VALUE;
        double[] values = new double[eligible.size()];
        for (int i = 0; i < values.length; i++) {
            double v = state.value(eligible.get(i).repId(), period, start);
            values[i] = v;
            total += v;
            minValue = Math.min(minValue, v);
        }
        double limit = rule.params().guardMultiple() / eligible.size();
        boolean anyWithinGuard = false;
        for (double v : values) {
            anyWithinGuard |= share(v, value, total) <= limit + 1e-12;
        }
        Map<Long, Map<String, Double>> figures = Strategies.figures(explain);
        Map<Long, Reason> notes = explain ? new HashMap<>() : Map.of();
        RepState winner = null;
        double best = 0;
        String segment = lead.segment();
        String industry = lowerOrNull(lead.industry());
        String product = lowerOrNull(lead.productInterest());
        for (int i = 0; i < values.length; i++) {
            RepState rep = eligible.get(i);
            double conversion = conversion(rep, segment);
            double skill = skillMatch(rep, industry, product);
            double fit = conversion * skill;
            double v = values[i];
            double share = share(v, value, total);
            boolean allowed = anyWithinGuard ? share <= limit + 1e-12 : v <= minValue + 1e-9;
            if (explain) {
                Strategies.put(figures, explain, rep.repId(), "conversion", Strategies.round(conversion, 4), "skillMatch", skill,
                        "fit", Strategies.round(fit, 4), "valueShareAfter", Strategies.round(share, 4),
                        "shareLimit", Strategies.round(limit, 4));
            }
            if (!allowed) {
                if (explain) {
                    notes.put(rep.repId(), Reason.of("aboveFairShare", Strategies.round(share, 4), Strategies.round(limit, 4)));
                }
                continue;
            }
            if (Strategies.better(-fit, rep, -best, winner)) {
                best = fit;
                winner = rep;
            }
        }
        Reason why = anyWithinGuard ? Reason.of("bestFit", Strategies.round(best, 4)) : Reason.of("bestFitLeastValue", Strategies.round(best, 4));
        return new Pick(winner, why, figures, notes, List.of());
    }

    private static double share(double repValue, ValueModel.LeadValue lead, double total) {
        return total <= 0 ? 0 : (repValue + lead.expectedValue()) / total;
    }

    static double conversion(RepState rep, String segment) {
        double overall = rep.historyIn("").rate(TYPICAL_RATE, OVERALL_STRENGTH);
        return segment.isEmpty() ? overall : rep.historyIn(segment).rate(overall, SEGMENT_STRENGTH);
    }

    /** 1 when the rep sells in the lead's industry and its product of interest; 0.75 for one of them; 0.5 for neither. */
    static double skillMatch(RepState rep, LeadFacts lead) {
        return skillMatch(rep, lowerOrNull(lead.industry()), lowerOrNull(lead.productInterest()));
    }

    /** The same, with the lead's industry and product already in lower case (null when the lead has none). */
    private static double skillMatch(RepState rep, String industry, String product) {
        double score = 0.5;
        if (industry == null || rep.industries().contains(industry)) {
            score += 0.25;
        }
        if (product == null || rep.products().contains(product)) {
            score += 0.25;
        }
        return score;
    }

    private static String lowerOrNull(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }
}
