package dev.fairlead.goals;

import dev.fairlead.common.Period;
import dev.fairlead.common.UnitPeriod;
import dev.fairlead.credit.ConfirmedCredit;
import dev.fairlead.deals.DealStatistics;
import dev.fairlead.leads.CustomerService;
import dev.fairlead.leads.LeadStatistics;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Rolls actuals up from where they are recorded, never entered by hand: revenue from confirmed
 * credit (each rep's confirmed share, on its confirmation day; decision 0502), won and new deals
 * from deals, new customers and new leads from leads, follow-ups and visits from whichever module
 * implements {@link ActivityCounts}. A team counts everything owned within its subtree.
 */
@Component
class GoalActuals {

    private final DealStatistics deals;
    private final ConfirmedCredit credit;
    private final CustomerService customers;
    private final LeadStatistics leads;
    private final ObjectProvider<ActivityCounts> activities;

    GoalActuals(DealStatistics deals, ConfirmedCredit credit, CustomerService customers, LeadStatistics leads,
            ObjectProvider<ActivityCounts> activities) {
        this.deals = deals;
        this.credit = credit;
        this.customers = customers;
        this.leads = leads;
        this.activities = activities;
    }

    boolean available(GoalMetric metric) {
        return !metric.activity() || activities.getIfAvailable() != null;
    }

    String currency() {
        return deals.currency();
    }

    /** The metric in each unit and period, by window key; a metric with no source counts zero. */
    Map<String, BigDecimal> measure(GoalMetric metric, List<UnitPeriod> windows) {
        if (windows.isEmpty()) {
            return Map.of();
        }
        Map<String, BigDecimal> values = switch (metric) {
            case REVENUE -> credit.revenue(windows);
            case WON_DEALS -> deals.measure(DealStatistics.Measure.WON_DEALS, windows);
            case NEW_DEALS -> deals.measure(DealStatistics.Measure.NEW_DEALS, windows);
            case NEW_CUSTOMERS -> decimal(customers.countNew(windows));
            case NEW_LEADS -> decimal(leads.countNew(windows));
            case FOLLOW_UPS -> activity(ActivityCounts.Activity.FOLLOW_UP, windows);
            case VISITS -> activity(ActivityCounts.Activity.VISIT, windows);
        };
        Map<String, BigDecimal> complete = new HashMap<>();
        windows.forEach(w -> complete.put(w.key(), values.getOrDefault(w.key(), BigDecimal.ZERO).setScale(metric.scale(),
                java.math.RoundingMode.HALF_UP)));
        return complete;
    }

    /** Each goal's actual over its own unit and period, one query per metric. */
    Map<Long, BigDecimal> actuals(List<Goal> goals) {
        Map<Long, BigDecimal> result = new HashMap<>();
        goals.stream().collect(Collectors.groupingBy(Goal::metric)).forEach((metric, list) -> {
            Map<String, BigDecimal> values = measure(metric, list.stream().map(g -> window(String.valueOf(g.id()), g.unit(), g.period())).toList());
            list.forEach(g -> result.put(g.id(), values.get(String.valueOf(g.id()))));
        });
        return result;
    }

    /** Open revenue pipeline expected to close in each window, weighted by probability. */
    Map<String, BigDecimal> pipeline(List<UnitPeriod> windows) {
        return deals.measure(DealStatistics.Measure.WEIGHTED_PIPELINE, windows);
    }

    static UnitPeriod window(String key, OrgUnit unit, Period period) {
        return unit.rep() ? UnitPeriod.rep(key, unit.repId(), period) : UnitPeriod.team(key, unit.teamId(), period);
    }

    private Map<String, BigDecimal> activity(ActivityCounts.Activity kind, List<UnitPeriod> windows) {
        ActivityCounts counts = activities.getIfAvailable();
        return counts == null ? Map.of() : decimal(counts.count(kind, windows));
    }

    private static Map<String, BigDecimal> decimal(Map<String, Long> counts) {
        Map<String, BigDecimal> m = new HashMap<>();
        counts.forEach((k, v) -> m.put(k, BigDecimal.valueOf(v)));
        return m;
    }
}
