package dev.fairlead.insights;

import dev.fairlead.common.Period;
import dev.fairlead.common.Viewer;
import dev.fairlead.deals.FunnelQuery;
import dev.fairlead.deals.FunnelReport;
import dev.fairlead.deals.FunnelService;
import dev.fairlead.goals.GoalService;
import dev.fairlead.insights.domain.PaceProjection;
import dev.fairlead.insights.domain.Spread;
import dev.fairlead.insights.persistence.InsightsRepository;
import dev.fairlead.insights.persistence.Scope;
import dev.fairlead.org.TeamService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures for a viewer: a rep their own, a manager their team and below (or one team
 * of it), directors, admins and finance everything (or one team). Periods are in the company time zone.
 */
@Service
public class Dashboards {

    private final InsightsRepository figures;
    private final GoalService goals;
    private final FunnelService funnels;
    private final TeamService teams;
    private final Clock clock;

    Dashboards(InsightsRepository figures, GoalService goals, FunnelService funnels, TeamService teams, Clock clock) {
        this.figures = figures;
        this.goals = goals;
        this.funnels = funnels;
        this.teams = teams;
        this.clock = clock;
    }

    /** The rows the viewer may count; a team outside their scope is not found. */
    Scope scope(Viewer viewer, Long teamId) {
        if (teamId != null) {
            teams.get(viewer, teamId);
        }
        if (viewer.isRep()) {
            return Scope.rep(viewer.repId());
        }
        if (viewer.seesAll()) {
            return teamId == null ? Scope.all() : Scope.team(teamId);
        }
        return Scope.team(teamId != null ? teamId : viewer.teamId() == null ? 0 : viewer.teamId());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    public Figures.Progress progress(Viewer viewer, DashboardFilter filter) {
        scope(viewer, filter.teamId());
        LocalDate today = today();
        Period period = filter.period(today);
        List<Figures.GoalPace> rows = goals.dashboard(viewer, filter.teamId(), filter.kind(), filter.on()).stream()
                .map(p -> Figures.GoalPace.of(p, PaceProjection.of(p.goal().target(), p.actual(), p.elapsed(),
                        PaceProjection.workingDaysLeft(today.isBefore(p.goal().period().start()) ? p.goal().period().start() : today,
                                p.goal().period().end()))))
                .toList();
        return new Figures.Progress(period, rows);
    }

    @Transactional(readOnly = true)
    public Figures.Funnel funnel(Viewer viewer, DashboardFilter filter) {
        scope(viewer, filter.teamId());
        Period period = filter.period(today());
        FunnelReport report = funnels.funnel(viewer, new FunnelQuery(filter.teamId(), null, null, period.start(), period.lastDay(),
                FunnelQuery.Breakdown.TEAM));
        String team = filter.teamId() == null ? "" : "&teamId=" + filter.teamId();
        List<Figures.FunnelStage> stages = report.stages().stream().map(s -> new Figures.FunnelStage(s.code(), s.nameEn(), s.nameZh(),
                s.reached(), s.amount(), s.conversionToNext(), "/deals?stage=" + s.code() + team)).toList();
        return new Figures.Funnel(period, report.currency(), stages, report.totals().deals(), report.totals().won(),
                report.totals().winRate());
    }

    @Transactional(readOnly = true)
    public Figures.Aging aging(Viewer viewer, DashboardFilter filter) {
        Scope scope = scope(viewer, filter.teamId());
        return new Figures.Aging(today(), figures.aging(scope, clock.instant()).stream()
                .map(r -> new Figures.AgingRow(r.repId(), r.repName(), r.days0to2(), r.days3to6(), r.days7to13(), r.days14to29(),
                        r.days30plus(), r.open(), "/leads?ownerRepId=" + r.repId()))
                .toList());
    }

    @Transactional(readOnly = true)
    public Figures.Workload workload(Viewer viewer, DashboardFilter filter) {
        Scope scope = scope(viewer, filter.teamId());
        return new Figures.Workload(figures.workload(scope).stream()
                .map(r -> new Figures.LoadRow(r.repId(), r.repName(), r.tier(), r.open(), r.capacity(),
                        r.capacity() == 0 ? null : (double) r.open() / r.capacity(), r.open() > r.capacity(),
                        "/leads?ownerRepId=" + r.repId()))
                .toList());
    }

    @Transactional(readOnly = true)
    public Figures.Fairness fairness(Viewer viewer, DashboardFilter filter) {
        return fairness(scope(viewer, filter.teamId()), filter.period(today()));
    }

    /** The fairness figures of any period (the fairness feedback shows them for its cycle's period). */
    Figures.Fairness fairness(Scope scope, Period period) {
        List<InsightsRepository.ReceivedRow> rows = figures.received(scope, start(period.start()), start(period.end()));
        List<Figures.FairnessRow> reps = rows.stream().map(r -> new Figures.FairnessRow(r.repId(), r.repName(), r.tier(), r.leads(),
                r.expectedValue(), "/leads?ownerRepId=" + r.repId())).toList();
        return new Figures.Fairness(period, reps,
                Spread.giniByTier(rows.stream().map(r -> new Spread.Share(r.tier(), r.leads())).toList()),
                Spread.maxMinRatio(rows.stream().map(r -> (double) r.leads()).toList()));
    }

    @Transactional(readOnly = true)
    public Figures.Sla sla(Viewer viewer, DashboardFilter filter) {
        Scope scope = scope(viewer, filter.teamId());
        Period period = filter.period(today());
        return new Figures.Sla(period, figures.sla(scope, start(period.start()), start(period.end())).stream()
                .map(r -> new Figures.SlaRow(r.teamId(), r.teamName(), r.repId(), r.repName(), r.timers(), r.met(), r.breached(),
                        r.running(), Spread.share(r.met(), r.met() + r.breached()), "/sla?status=BREACHED"))
                .toList());
    }

    @Transactional(readOnly = true)
    public Figures.PoolFlows poolFlows(Viewer viewer, DashboardFilter filter) {
        Scope scope = scope(viewer, filter.teamId());
        Period period = filter.period(today());
        long repTeam = viewer.isRep() && viewer.teamId() != null ? viewer.teamId() : -1;
        return new Figures.PoolFlows(period, figures.poolFlows(scope, repTeam, start(period.start()), start(period.end()),
                        zone().getId()).stream()
                .map(w -> new Figures.PoolWeek(w.week(), w.pooledNoRep(), w.released(), w.recovered(), w.slaBreach(),
                        w.pooledNoRep() + w.released() + w.recovered() + w.slaBreach(), w.claimed(), "/pool"))
                .toList());
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }
}
