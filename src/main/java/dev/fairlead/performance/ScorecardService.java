package dev.fairlead.performance;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import dev.fairlead.performance.domain.Scorecard;
import dev.fairlead.performance.domain.TeamScore;
import dev.fairlead.performance.persistence.SnapshotRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scorecards within the viewer's scope: a rep their own, a manager their team and below, directors,
 * admins and finance everyone. An open period (and a closed one not yet frozen) is scored on read
 * from the recorded work; a frozen period answers its snapshot, which only an audited recalculation
 * with a reason replaces. A rep is scored by the active scheme of their tier, else of audience ALL.
 */
@Service
public class ScorecardService {

    private final SchemeService schemes;
    private final ScorecardCalculator calculator;
    private final SnapshotRepository snapshots;
    private final RepService reps;
    private final TeamService teams;
    private final AuditTrail audit;
    private final Clock clock;

    ScorecardService(SchemeService schemes, ScorecardCalculator calculator, SnapshotRepository snapshots, RepService reps,
            TeamService teams, AuditTrail audit, Clock clock) {
        this.schemes = schemes;
        this.calculator = calculator;
        this.snapshots = snapshots;
        this.reps = reps;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Reads {@code 2026-W49}, {@code 2026-12} or {@code 2026-Q4}; blank is the current period of
     * {@code kind} (a month when that is blank too), in the company's calendar.
     */
    public Period period(String text, PeriodKind kind) {
        if (text == null || text.isBlank()) {
            PeriodKind k = kind == null ? PeriodKind.MONTH : kind;
            if (!SchemeService.KINDS.contains(k)) {
                throw InvalidInputException.of("kind", "performance.period.kind");
            }
            return Period.of(k, LocalDate.now(clock));
        }
        Period p;
        try {
            p = Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("period", "performance.period.invalid", text);
        }
        if (!SchemeService.KINDS.contains(p.kind())) {
            throw InvalidInputException.of("period", "performance.period.kind");
        }
        return p;
    }

    /** The viewer's own scorecard (their linked rep's). */
    @Transactional(readOnly = true)
    public RepScorecard mine(Viewer viewer, Period period) {
        if (viewer.repId() == null) {
            throw new NotFoundException("rep", "mine");
        }
        return rep(viewer, viewer.repId(), period);
    }

    /** One rep's scorecard; a rep asking for another rep's is told there is no such scorecard. */
    @Transactional(readOnly = true)
    public RepScorecard rep(Viewer viewer, long repId, Period period) {
        return find(viewer, repId, period).orElseThrow(() ->
                new NotFoundException("scorecard", repId + " " + period.label() + " (no active KPI scheme for this rep)"));
    }

    /** One rep's scorecard, empty when no active scheme scores the rep; 404 when the rep is not the viewer's to see. */
    @Transactional(readOnly = true)
    public java.util.Optional<RepScorecard> find(Viewer viewer, long repId, Period period) {
        Rep rep = visibleRep(viewer, repId);
        RepScorecard frozen = snapshots.find(rep.id(), period).orElse(null);
        if (frozen != null) {
            return java.util.Optional.of(frozen);
        }
        return calculator.score(List.of(rep), period, schemeForRep(period.kind())).stream().findFirst();
    }

    /** A team's scorecard (sub-teams included): its reps' cards, best first, and their aggregate. Not for reps. */
    @Transactional(readOnly = true)
    public TeamScorecard team(Viewer viewer, long teamId, Period period) {
        if (viewer.isRep()) {
            throw new ForbiddenException("Team scorecards are for managers, directors, admins and finance; a rep sees their own");
        }
        Team team = teams.get(viewer, teamId);
        List<Rep> members = reps.list(viewer, new RepQuery(teamId, null, null, true));
        List<RepScorecard> cards = cards(members, period);
        List<String> unscored = members.stream().filter(r -> cards.stream().noneMatch(c -> c.repId() == r.id())).map(Rep::name).toList();
        List<RepScorecard> sorted = new ArrayList<>(cards);
        sorted.sort(Comparator.comparing((RepScorecard c) -> c.card().total()).reversed().thenComparing(RepScorecard::repName));
        return new TeamScorecard(team.id(), team.name(), period.label(), TeamScore.of(sorted.stream().map(c -> c.card().total()).toList()),
                sorted, unscored);
    }

    /**
     * Closes a period that is over: every scored rep's card as it is now becomes its snapshot. Cards
     * frozen already are kept. Directors and admins close periods (scorecards feed pay).
     */
    @Transactional
    public FreezeResult freeze(Viewer viewer, String periodText) {
        requireCloser(viewer);
        Period period = period(required(periodText), null);
        if (period.end().isAfter(LocalDate.now(clock))) {
            throw new ConflictException("performance.period.open", "Period " + period.label() + " is not over yet; it can be frozen from "
                    + period.end());
        }
        List<Rep> all = reps.list(viewer, new RepQuery(null, null, null, null));
        Map<Long, RepScorecard> existing = snapshots.find(all.stream().map(Rep::id).toList(), period);
        List<Rep> open = all.stream().filter(r -> !existing.containsKey(r.id())).toList();
        int frozen = 0;
        for (RepScorecard card : calculator.score(open, period, schemeForRep(period.kind()))) {
            if (snapshots.insert(card.frozenAt(clock.instant(), null), period, viewer.username(), clock.instant())) {
                frozen++;
            }
        }
        FreezeResult result = new FreezeResult(period.label(), frozen, existing.size());
        audit.record(new Change("FREEZE", "scorecardPeriod", period.label(), null, null, null, result, null));
        return result;
    }

    /** Scores a frozen card again from today's records and scheme, replacing the snapshot; audited with the reason. */
    @Transactional
    public RepScorecard recalculate(Viewer viewer, long repId, String periodText, String reason) {
        requireCloser(viewer);
        Period period = period(required(periodText), null);
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "performance.recalculate.reason");
        }
        if (reason.length() > 500) {
            throw InvalidInputException.of("reason", "performance.reason.long", 500);
        }
        Rep rep = visibleRep(viewer, repId);
        RepScorecard before = snapshots.find(rep.id(), period).orElseThrow(() -> new ConflictException("performance.recalculate.notFrozen",
                "The scorecard of " + rep.name() + " for " + period.label() + " is not frozen; it is scored live"));
        List<RepScorecard> cards = calculator.score(List.of(rep), period, schemeForRep(period.kind()));
        if (cards.isEmpty()) {
            throw new ConflictException("performance.recalculate.noScheme", "No active KPI scheme scores " + rep.name() + " any more");
        }
        RepScorecard after = cards.get(0).frozenAt(before.frozenAt(), reason.trim());
        snapshots.replace(after, period, viewer.username(), clock.instant(), reason.trim());
        audit.record(new Change("RECALCULATE", "scorecard", rep.id() + "/" + period.label(), rep.teamId(), rep.id(),
                summary(before), summary(after), reason.trim()));
        return after;
    }

    /**
     * The draft (or any version) run on a period, last period of its kind by default, for the reps in the
     * viewer's scope it would score, next to what the active schemes give them on the same records.
     */
    @Transactional(readOnly = true)
    public Simulation simulate(Viewer viewer, long schemeId, String periodText) {
        SchemeService.requireWriter(viewer);
        Period requested = periodText == null || periodText.isBlank() ? null : period(periodText, null);
        KpiScheme scheme = schemes.get(schemeId);
        Period period = requested != null ? requested : Period.of(scheme.periodKind(), LocalDate.now(clock)).previous();
        if (period.kind() != scheme.periodKind()) {
            throw InvalidInputException.of("period", "performance.simulate.kind", scheme.periodKind().name());
        }
        if (scheme.dimensions().isEmpty()) {
            throw new ConflictException("performance.scheme.empty", "Scheme v" + scheme.version() + " has no dimensions");
        }
        Map<Audience, KpiScheme> active = schemes.active(period.kind());
        Function<Rep, KpiScheme> current = schemeFor(active);
        Map<Audience, KpiScheme> withDraft = new LinkedHashMap<>(active);
        withDraft.put(scheme.audience(), scheme);
        Function<Rep, KpiScheme> simulated = schemeFor(withDraft);
        List<Rep> covered = reps.list(viewer, new RepQuery(null, null, null, true)).stream()
                .filter(r -> simulated.apply(r) == scheme).toList();
        Map<Long, RepScorecard> now = new LinkedHashMap<>();
        calculator.score(covered, period, current).forEach(c -> now.put(c.repId(), c));
        List<Simulation.Row> rows = new ArrayList<>();
        for (RepScorecard card : calculator.score(covered, period, simulated)) {
            RepScorecard before = now.get(card.repId());
            BigDecimal was = before == null ? null : before.card().total();
            rows.add(new Simulation.Row(card.repId(), card.repName(), card.teamName(), was, card.card().total(),
                    was == null ? null : card.card().total().subtract(was)));
        }
        rows.sort(Comparator.comparing((Simulation.Row r) -> r.change() == null ? BigDecimal.ZERO : r.change()).reversed()
                .thenComparing(Simulation.Row::repName));
        int gainers = (int) rows.stream().filter(r -> r.change() != null && r.change().signum() > 0).count();
        int losers = (int) rows.stream().filter(r -> r.change() != null && r.change().signum() < 0).count();
        return new Simulation(scheme.id(), period.label(), rows, gainers, losers);
    }

    /** The reps' cards for the period, frozen ones as frozen, for the system (leaderboards decide what they may show). */
    List<RepScorecard> cards(List<Rep> members, Period period) {
        Map<Long, RepScorecard> frozen = snapshots.find(members.stream().map(Rep::id).toList(), period);
        List<RepScorecard> cards = new ArrayList<>(frozen.values());
        cards.addAll(calculator.score(members.stream().filter(r -> !frozen.containsKey(r.id())).toList(), period,
                schemeForRep(period.kind())));
        return cards;
    }

    private Rep visibleRep(Viewer viewer, long repId) {
        if (viewer.isRep() && (viewer.repId() == null || viewer.repId() != repId)) {
            throw new NotFoundException("scorecard", repId);
        }
        return reps.get(viewer, repId);
    }

    private Function<Rep, KpiScheme> schemeForRep(PeriodKind kind) {
        return schemeFor(schemes.active(kind));
    }

    private static Function<Rep, KpiScheme> schemeFor(Map<Audience, KpiScheme> byAudience) {
        return rep -> {
            KpiScheme own = byAudience.get(Audience.of(rep.tier()));
            return own != null ? own : byAudience.get(Audience.ALL);
        };
    }

    private static String required(String period) {
        if (period == null || period.isBlank()) {
            throw InvalidInputException.of("period", "performance.period.required");
        }
        return period;
    }

    private static void requireCloser(Viewer viewer) {
        if (!viewer.role().setsCompanyRules()) {
            throw new ForbiddenException("Only directors and admins freeze and recalculate scorecards: frozen scorecards feed pay");
        }
    }

    private static Map<String, Object> summary(RepScorecard card) {
        Scorecard c = card.card();
        return Map.of("total", c.total(), "schemeId", card.schemeId(), "schemeVersion", card.schemeVersion());
    }
}
