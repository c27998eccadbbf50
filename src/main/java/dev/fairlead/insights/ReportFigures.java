package dev.fairlead.insights;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Period;
import dev.fairlead.common.Viewer;
import dev.fairlead.insights.persistence.ReportRepository;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import dev.fairlead.performance.RepScorecard;
import dev.fairlead.performance.ScorecardService;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers a report's content from the same queries the dashboard runs ({@link Dashboards}, so there is no
 * second copy of the SQL), the alerts of the period and, from the performance module, the scorecards.
 * The viewer decides only what may be asked (a team outside their scope is not found); the figures are
 * the unit's whoever asks, so a manager's report and the scheduled one agree.
 */
@Service
public class ReportFigures {

    static final int MOVERS = 3;

    private final Dashboards dashboards;
    private final ReportRepository reports;
    private final ScorecardService scorecards;
    private final TeamService teams;
    private final Clock clock;

    ReportFigures(Dashboards dashboards, ReportRepository reports, ScorecardService scorecards, TeamService teams, Clock clock) {
        this.dashboards = dashboards;
        this.reports = reports;
        this.scorecards = scorecards;
        this.teams = teams;
        this.clock = clock;
    }

    /** The unit's name: the team's (a manager's or rep's own when none is asked), or null for everything (the company). */
    String unitName(Viewer viewer, Long teamId) {
        Long team = teamId != null ? teamId : viewer.seesAll() ? null : viewer.teamId();
        return team == null ? null : teams.get(Viewer.system(), team).name();
    }

    /** A scheduled or on-demand report's content: the unit's figures whoever asks. */
    @Transactional(readOnly = true)
    public ReportContent content(Long teamId, Period period) {
        return content(Viewer.system(), teamId, period);
    }

    /**
     * The figures of the period as {@code viewer} sees them on the dashboard (a rep their own, a manager
     * their team or one team of it, the rest everything or one team): what a dashboard export holds.
     */
    @Transactional(readOnly = true)
    public ReportContent content(Viewer viewer, Long teamId, Period period) {
        if (period.start().getYear() < 1900 || period.start().getYear() > 9000) {
            throw InvalidInputException.of("on", "reports.invalid.on");
        }
        DashboardFilter filter = new DashboardFilter(period.kind(), period.lastDay(), teamId);
        Figures.Progress progress = dashboards.progress(viewer, filter);
        Figures.Progress previous = dashboards.progress(viewer, new DashboardFilter(period.kind(), period.previous().lastDay(), teamId));
        List<ReportContent.Mover> movers = movers(progress, previous);
        List<ReportContent.Mover> top = movers.stream().filter(m -> m.change().signum() >= 0).limit(MOVERS).toList();
        List<ReportContent.Mover> reversed = new ArrayList<>(movers);
        java.util.Collections.reverse(reversed);
        List<ReportContent.Mover> bottom = reversed.stream().filter(m -> !top.contains(m)).limit(MOVERS).toList();
        ZoneId zone = clock.getZone();
        Long root = viewer.isRep() ? null : teamId != null ? Long.valueOf(teamId) : viewer.seesAll() ? Long.valueOf(-1) : viewer.teamId();
        List<ReportRepository.AlertLine> alerts = root == null ? List.of() : reports.alerts(root,
                period.start().atStartOfDay(zone).toInstant(), period.end().atStartOfDay(zone).toInstant());
        Scores scores = viewer.isRep() ? new Scores(List.of(), false) : scores(viewer, teamId, period);
        return new ReportContent(teamId, unitName(viewer, teamId), period, clock.instant(), progress, top, bottom,
                dashboards.funnel(viewer, filter), dashboards.sla(viewer, filter), dashboards.fairness(viewer, filter),
                dashboards.poolFlows(viewer, filter), alerts, scores.cards(), scores.scored());
    }

    /** Reps' goals of the period, by how much their actual moved against the same rep and metric the period before, most first. */
    static List<ReportContent.Mover> movers(Figures.Progress now, Figures.Progress before) {
        Map<String, Figures.GoalPace> earlier = new LinkedHashMap<>();
        before.goals().stream().filter(g -> g.repId() != null).forEach(g -> earlier.putIfAbsent(g.repId() + ":" + g.metric(), g));
        List<ReportContent.Mover> list = new ArrayList<>();
        for (Figures.GoalPace g : now.goals()) {
            if (g.repId() == null) {
                continue;
            }
            Figures.GoalPace prev = earlier.get(g.repId() + ":" + g.metric());
            BigDecimal previous = prev == null ? BigDecimal.ZERO : prev.actual();
            Double attainment = g.target().signum() == 0 ? null : g.actual().divide(g.target(), MathContext.DECIMAL64).doubleValue();
            list.add(new ReportContent.Mover(g.unitName(), g.metric(), g.actual(), previous, g.actual().subtract(previous), attainment));
        }
        list.sort(Comparator.comparing(ReportContent.Mover::change).reversed().thenComparing(ReportContent.Mover::repName));
        return list;
    }

    private record Scores(List<ReportContent.Score> cards, boolean scored) {}

    /** Each rep's scorecard total (the team's subtree, or every top-level team's for the company), best first. */
    private Scores scores(Viewer viewer, Long teamId, Period period) {
        List<Long> roots = teamId != null ? List.of(teamId) : !viewer.seesAll() ? List.of(viewer.teamId())
                : teams.list(Viewer.system(), false).stream().filter(t -> t.parentId() == null).map(Team::id).toList();
        List<ReportContent.Score> cards = new ArrayList<>();
        try {
            for (long root : roots) {
                for (RepScorecard c : scorecards.team(viewer, root, period).reps()) {
                    cards.add(new ReportContent.Score(c.repName(), c.teamName(), c.total()));
                }
            }
        } catch (InvalidInputException | NotFoundException | dev.fairlead.common.ForbiddenException e) {
            return new Scores(List.of(), false);
        }
        cards.sort(Comparator.comparing(ReportContent.Score::total).reversed().thenComparing(ReportContent.Score::repName));
        return new Scores(cards, true);
    }
}
