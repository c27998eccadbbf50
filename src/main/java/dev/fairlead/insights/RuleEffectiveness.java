package dev.fairlead.insights;

import dev.fairlead.common.Period;
import dev.fairlead.common.Viewer;
import dev.fairlead.deals.DealsProperties;
import dev.fairlead.insights.persistence.ReviewRepository;
import dev.fairlead.insights.persistence.Scope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How well each rule and rule-set version has worked (decision 0603): leads routed, time to first
 * contact, conversion to deal and to won, revenue per lead, SLA kept and share pooled, in the viewer's
 * data scope, each figure with the number of leads it rests on. Satisfaction is not collected per lead,
 * so there is no satisfaction figure; the fairness feedback is per team and period, not per rule.
 */
@Service
public class RuleEffectiveness {

    private static final int DRILL_LIMIT = 1000;

    private final ReviewRepository repository;
    private final Dashboards dashboards;
    private final String currency;
    private final Clock clock;

    RuleEffectiveness(ReviewRepository repository, Dashboards dashboards, DealsProperties deals, Clock clock) {
        this.repository = repository;
        this.dashboards = dashboards;
        this.currency = deals.currency();
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Review.Effectiveness effectiveness(Viewer viewer, Review.Filter filter) {
        Scope scope = dashboards.scope(viewer, filter.teamId());
        Period period = filter.period(LocalDate.now(clock));
        List<Review.RuleRow> rows = repository.effectiveness(scope, start(period.start()), start(period.end()), currency).stream()
                .map(r -> row(r, filter)).toList();
        return new Review.Effectiveness(period, currency, Review.MINIMUM_BASIS, rows);
    }

    @Transactional(readOnly = true)
    public Review.Leads leads(Viewer viewer, Review.Filter filter, int version, String ruleKey, Review.DrillFigure figure) {
        Scope scope = dashboards.scope(viewer, filter.teamId());
        Period period = filter.period(LocalDate.now(clock));
        Review.DrillFigure which = figure == null ? Review.DrillFigure.ROUTED : figure;
        List<ReviewRepository.RoutedLead> found = repository.leads(scope, start(period.start()), start(period.end()), currency, version,
                ruleKey, which.name(), DRILL_LIMIT + 1);
        List<Review.LeadRow> leads = found.stream().limit(DRILL_LIMIT).map(l -> new Review.LeadRow(l.leadId(), l.company(), l.contactName(),
                l.version(), l.ruleKey(), l.outcome(), l.repId(), l.repName(), l.decidedAt(), l.hoursToFirstTouch(), l.deal(), l.won(),
                l.revenue(), l.sla(), "/leads/" + l.leadId())).toList();
        return new Review.Leads(period, version, ruleKey, which.name(), leads, found.size() > DRILL_LIMIT);
    }

    private static Review.RuleRow row(ReviewRepository.EffectivenessRow r, Review.Filter filter) {
        long n = r.leads();
        String key = r.total() ? null : r.ruleKey();
        String query = filter.query() + "&version=" + r.version() + (key == null ? "" : "&rule=" + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8));
        Double revenuePerLead = n == 0 ? null : r.revenue().divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP).doubleValue();
        return new Review.RuleRow(r.ruleSetId(), r.version(), r.ruleSetName(), r.total(), key, r.ruleName(), n, n < Review.MINIMUM_BASIS,
                Review.Figure.of(r.medianHours(), r.contacted()), Review.Figure.of(r.p90Hours(), r.contacted()),
                Review.Figure.share(r.deals(), n), Review.Figure.share(r.won(), n), Review.Figure.of(revenuePerLead, n),
                Review.Figure.share(r.slaKept(), r.slaTimed()), Review.Figure.share(r.pooled(), n),
                "/insights/review/leads?" + query, "/api/insights/rule-effectiveness/leads?" + query);
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }
}
