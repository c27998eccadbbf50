package dev.fairlead.performance.demo;

import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamKind;
import dev.fairlead.org.TeamService;
import dev.fairlead.performance.Audience;
import dev.fairlead.performance.KpiScheme;
import dev.fairlead.performance.SchemeCommand;
import dev.fairlead.performance.SchemeService;
import dev.fairlead.performance.domain.CurveKind;
import dev.fairlead.performance.domain.Dimension;
import dev.fairlead.performance.domain.Gate;
import dev.fairlead.performance.domain.Metric;
import dev.fairlead.performance.domain.Step;
import dev.fairlead.performance.domain.Targets;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo company's KPI schemes, loaded once after the demo organisation and its work (never when a
 * scheme exists): a monthly scheme for every rep, active, so the demo rep's scorecard and the team
 * scorecards show scores that move with the demo's follow-ups, SLA clocks, tasks and deals from the
 * first minute, and a draft beside it for a manager to simulate. Through the service, so it is
 * validated and audited like a director's own.
 */
@Component
@Order(40)
class PerformanceDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PerformanceDemoData.class);

    private final boolean enabled;
    private final TeamService teams;
    private final SchemeService schemes;

    PerformanceDemoData(@Value("${fairlead.demo-data.enabled:true}") boolean enabled, TeamService teams, SchemeService schemes) {
        this.enabled = enabled;
        this.teams = teams;
        this.schemes = schemes;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Viewer system = Viewer.system();
        boolean demoCompany = teams.list(system, false).stream().map(Team::kind).anyMatch(TeamKind.COMPANY::equals);
        if (!enabled || !demoCompany || !schemes.list().isEmpty()) {
            return;
        }
        KpiScheme monthly = schemes.createDraft(system, new SchemeCommand(null, "销售月度考核 Monthly sales scorecard", Audience.ALL,
                PeriodKind.MONTH, monthlyDimensions(), null));
        schemes.activate(system, monthly.id(), "demo");
        schemes.createDraft(system, new SchemeCommand(monthly.id(), "更重视拜访 More weight on visits (draft)", null, null,
                visitHeavyDimensions(), null));
        log.info("Demo KPI schemes loaded: a monthly scheme for every rep (active) and a draft to simulate");
    }

    /** Revenue from each rep's own monthly goal (the demo splits one to every rep), gated; activity beside it. */
    static List<Dimension> monthlyDimensions() {
        return List.of(
                new Dimension(Metric.REVENUE, 40, targets("100000", "150000", "200000"), true, CurveKind.LINEAR, bd("150"), List.of(),
                        new Gate(bd("30"), bd("60"))),
                new Dimension(Metric.VISITS, 15, targets(null, "8", "12"), false, CurveKind.LINEAR, bd("120"), List.of(), null),
                new Dimension(Metric.FOLLOW_UPS, 15, targets(null, "30", "45"), false, CurveKind.LINEAR, bd("120"), List.of(), null),
                new Dimension(Metric.SLA_KEPT, 15, targets(null, "90", null), false, CurveKind.STEPS, null,
                        List.of(new Step(bd("80"), bd("50")), new Step(bd("90"), bd("80")), new Step(bd("100"), bd("100"))), null),
                new Dimension(Metric.TASKS_ON_TIME, 15, targets(null, "90", null), false, CurveKind.LINEAR, bd("110"), List.of(), null));
    }

    private static List<Dimension> visitHeavyDimensions() {
        return List.of(
                new Dimension(Metric.REVENUE, 30, targets("100000", "150000", "200000"), true, CurveKind.LINEAR, bd("150"), List.of(), null),
                new Dimension(Metric.VISITS, 30, targets(null, "8", "12"), false, CurveKind.LINEAR, bd("150"), List.of(), null),
                new Dimension(Metric.FOLLOW_UPS, 20, targets(null, "30", "45"), false, CurveKind.LINEAR, bd("120"), List.of(), null),
                new Dimension(Metric.SLA_KEPT, 20, targets(null, "90", null), false, CurveKind.LINEAR, bd("110"), List.of(), null));
    }

    private static Targets targets(String base, String target, String stretch) {
        return new Targets(base == null ? null : bd(base), bd(target), stretch == null ? null : bd(stretch));
    }

    private static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }
}
