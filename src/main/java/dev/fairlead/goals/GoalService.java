package dev.fairlead.goals;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Role;
import dev.fairlead.common.UnitPeriod;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.goals.domain.CalendarSplit;
import dev.fairlead.goals.domain.Decomposition;
import dev.fairlead.goals.domain.Pace;
import dev.fairlead.goals.domain.Seasonality;
import dev.fairlead.goals.domain.WorkingCalendar;
import dev.fairlead.goals.persistence.GoalRepository;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import dev.fairlead.org.User;
import dev.fairlead.org.UserService;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goals within the viewer's scope: SMART creation, splitting down the org tree or the calendar,
 * adjustment by hand with a reason (locking the child), progress against pace with actuals rolled
 * up on read, and suggested quotas. Directors and admins plan for everyone, managers within their
 * team's subtree; reps and finance read.
 */
@Service
public class GoalService {

    private final GoalRepository goals;
    private final GoalActuals actuals;
    private final TeamService teams;
    private final RepService reps;
    private final UserService users;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;
    private final Pace.Thresholds thresholds;
    private final ApplicationEventPublisher events;

    GoalService(GoalRepository goals, GoalActuals actuals, TeamService teams, RepService reps, UserService users,
            AuditTrail audit, Validator validator, Clock clock, GoalsProperties properties, ApplicationEventPublisher events) {
        this.events = events;
        this.goals = goals;
        this.actuals = actuals;
        this.teams = teams;
        this.reps = reps;
        this.users = users;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
        this.thresholds = new Pace.Thresholds(properties.atRiskBehind(), properties.offTrackBehind());
    }

    /** Metrics that have a source of actuals in this installation. */
    public List<GoalMetric> availableMetrics() {
        return Arrays.stream(GoalMetric.values()).filter(actuals::available).toList();
    }

    public String currency() {
        return actuals.currency();
    }

    // ---------------------------------------------------------------- create, read

    @Transactional
    public Goal create(Viewer viewer, GoalCommand cmd) {
        requirePlanner(viewer);
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if (cmd.metric() == null) {
            problems.add(FieldProblem.of("metric", "goal.smart.metric"));
        } else if (!actuals.available(cmd.metric())) {
            problems.add(FieldProblem.of("metric", "goal.metric.unavailable"));
        }
        if (cmd.target() == null || cmd.target().signum() <= 0) {
            problems.add(FieldProblem.of("target", "goal.smart.number"));
        } else if (cmd.metric() != null && !cmd.metric().money() && cmd.target().stripTrailingZeros().scale() > 0) {
            problems.add(FieldProblem.of("target", "goal.target.whole"));
        }
        Period period = null;
        if (cmd.period() == null || cmd.period().isBlank()) {
            problems.add(FieldProblem.of("period", "goal.smart.period"));
        } else {
            try {
                period = Period.parse(cmd.period());
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("period", "goal.period.invalid", cmd.period()));
            }
        }
        Long ownerId = cmd.ownerUserId() != null ? cmd.ownerUserId() : viewer.userId() > 0 ? viewer.userId() : null;
        if (ownerId == null) {
            problems.add(FieldProblem.of("ownerUserId", "goal.smart.owner"));
        } else if (!userExists(ownerId)) {
            problems.add(FieldProblem.of("ownerUserId", "goal.owner.unknown"));
        }
        OrgUnit unit = unit(viewer, cmd.teamId(), cmd.repId(), problems);
        checkTiers(cmd.target(), cmd.base(), cmd.stretch(), problems);
        if (problems.isEmpty()) {
            goals.findFor(cmd.metric(), unit.teamId(), unit.repId(), period)
                    .ifPresent(g -> problems.add(FieldProblem.of("period", "goal.duplicate", g.id())));
        }
        Validation.throwIfAny(problems);
        int scale = cmd.metric().scale();
        long id = goals.insert(new GoalRepository.NewGoal(null, cmd.metric(), unit.teamId(), unit.repId(), scopeTeam(unit),
                period, scaled(cmd.target(), scale), scaled(cmd.base(), scale), scaled(cmd.stretch(), scale),
                cmd.metric().money() ? actuals.currency() : null, ownerId, clock.instant(), Viewers.actorName()));
        Goal created = goals.find(id).orElseThrow();
        audit.record(Change.created("goal", id, scopeTeam(unit), unit.repId(), created));
        changed(created, "CREATED", true);
        return created;
    }

    @Transactional(readOnly = true)
    public Goal get(Viewer viewer, long id) {
        return goals.findVisible(viewer, id).orElseThrow(() -> new NotFoundException("goal", id));
    }

    @Transactional(readOnly = true)
    public GoalProgress progress(Viewer viewer, long id) {
        return progress(List.of(get(viewer, id))).get(0);
    }

    /**
     * The goal's children with their progress. Whoever sees a goal sees its children: they belong to
     * the same unit (calendar) or to units below it (org tree), which lie within the same scope.
     */
    @Transactional(readOnly = true)
    public List<GoalProgress> children(Viewer viewer, long id) {
        get(viewer, id);
        return progress(goals.children(id));
    }

    /** The tops of the goal tree as the viewer sees it (goals whose parent they cannot see), overlapping the period. */
    @Transactional(readOnly = true)
    public List<GoalProgress> roots(Viewer viewer, Period within, GoalMetric metric) {
        return progress(goals.findVisible(viewer, new GoalRepository.Filter(metric, null, null, null,
                within == null ? null : within.start(), within == null ? null : within.end(), true, null)));
    }

    /** Goals running today that are the viewer's: their rep's goals, or goals they own. */
    @Transactional(readOnly = true)
    public List<GoalProgress> mine(Viewer viewer) {
        LocalDate today = LocalDate.now(clock);
        List<Goal> list = new ArrayList<>();
        if (viewer.repId() != null) {
            list.addAll(goals.findVisible(viewer, new GoalRepository.Filter(null, null, viewer.repId(), null, today, today.plusDays(1), false, null)));
        }
        Set<Long> seen = list.stream().map(Goal::id).collect(Collectors.toSet());
        goals.findVisible(viewer, new GoalRepository.Filter(null, null, null, viewer.userId(), today, today.plusDays(1), false, null))
                .stream().filter(g -> seen.add(g.id())).forEach(list::add);
        list.sort(Comparator.comparing((Goal g) -> g.period().kind()).thenComparing(g -> g.metric()));
        return progress(list);
    }

    /** Goals running today within the team's subtree (default: the viewer's scope), most at risk first. */
    @Transactional(readOnly = true)
    public List<GoalProgress> dashboard(Viewer viewer, Long teamId, PeriodKind kind) {
        return dashboard(viewer, teamId, kind, null);
    }

    /** Goals running on {@code on} (null: today) within the team's subtree, most at risk first: a past period's for its report. */
    @Transactional(readOnly = true)
    public List<GoalProgress> dashboard(Viewer viewer, Long teamId, PeriodKind kind, LocalDate on) {
        LocalDate today = on != null ? on : LocalDate.now(clock);
        List<GoalProgress> list = new ArrayList<>(progress(goals.findVisible(viewer,
                new GoalRepository.Filter(null, teamId, null, null, today, today.plusDays(1), false, kind))));
        list.sort(Comparator.comparing(GoalProgress::status)
                .thenComparing(p -> p.behind() == null ? Double.NEGATIVE_INFINITY : p.behind(), Comparator.reverseOrder())
                .thenComparing(p -> p.goal().id()));
        return list;
    }

    /**
     * Each rep's goals for exactly this period with their progress, by rep id, for the system (no
     * viewer scope: the caller, the performance module's scorecards, scopes its own answers).
     */
    @Transactional(readOnly = true)
    public Map<Long, List<GoalProgress>> repGoals(java.util.Collection<Long> repIds, Period period) {
        if (repIds.isEmpty()) {
            return Map.of();
        }
        return progress(goals.findForReps(repIds, period)).stream()
                .collect(Collectors.groupingBy(p -> p.goal().unit().repId(), LinkedHashMap::new, Collectors.toList()));
    }

    /** The running actual through the goal's period (months of a year, weeks of a quarter, days of a month or week). */
    @Transactional(readOnly = true)
    public List<TrendPoint> trend(Viewer viewer, long id) {
        Goal goal = get(viewer, id);
        PeriodKind step = switch (goal.period().kind()) {
            case YEAR -> PeriodKind.MONTH;
            case QUARTER -> PeriodKind.WEEK;
            case MONTH, WEEK, DAY -> PeriodKind.DAY;
        };
        List<Period> pieces = goal.period().kind() == PeriodKind.DAY ? List.of(goal.period()) : goal.period().children(step);
        LocalDate today = LocalDate.now(clock);
        List<Period> past = pieces.stream().filter(p -> !p.start().isAfter(today)).toList();
        Map<String, BigDecimal> values = actuals.measure(goal.metric(),
                past.stream().map(p -> GoalActuals.window(p.label(), goal.unit(), p)).toList());
        WorkingCalendar calendar = calendars(List.of(goal)).get(goal.id());
        int total = Math.max(1, calendar.count(goal.period()));
        BigDecimal running = BigDecimal.ZERO;
        List<TrendPoint> points = new ArrayList<>();
        for (Period p : pieces) {
            BigDecimal pace = goal.target().multiply(BigDecimal.valueOf(calendar.count(goal.period().start(), p.end())))
                    .divide(BigDecimal.valueOf(total), goal.metric().scale(), RoundingMode.HALF_UP);
            if (!p.start().isAfter(today)) {
                running = running.add(values.getOrDefault(p.label(), BigDecimal.ZERO));
                points.add(new TrendPoint(p.label(), running, pace));
            } else {
                points.add(new TrendPoint(p.label(), null, pace));
            }
        }
        return points;
    }

    // ---------------------------------------------------------------- split, adjust

    /**
     * Splits the goal into children down the org tree or the calendar. Locked children keep their
     * value and the rest is spread by the method's weights to the cent (or whole count). A re-split
     * updates the unlocked children, adds new ones and deactivates children whose unit or period is gone.
     */
    @Transactional
    public SplitPlan split(Viewer viewer, long id, SplitCommand cmd) {
        Goal parent = get(viewer, id);
        requireManage(viewer, parent);
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if (cmd.axis() == null) {
            problems.add(FieldProblem.of("axis", "validation.required"));
        }
        if (cmd.method() == null) {
            problems.add(FieldProblem.of("method", "validation.required"));
        }
        if (cmd.axis() != null && cmd.method() != null && !cmd.method().fits(cmd.axis())) {
            problems.add(FieldProblem.of("method", "goal.split.methodAxis", cmd.method(), cmd.axis()));
        }
        if (cmd.axis() == SplitAxis.CALENDAR && (cmd.granularity() == null || !cmd.granularity().finerThan(parent.period().kind()))) {
            problems.add(FieldProblem.of("granularity", "goal.split.granularity", parent.period().kind()));
        }
        if (cmd.axis() == SplitAxis.ORG && parent.unit().rep()) {
            problems.add(FieldProblem.of("axis", "goal.split.repHasNoOrgChildren"));
        }
        if (cmd.weights().values().stream().anyMatch(w -> w == null || w.signum() < 0)) {
            problems.add(FieldProblem.of("weights", "goal.split.negativeWeight"));
        }
        if (cmd.seasonality() != null && (cmd.seasonality().size() != 12
                || cmd.seasonality().stream().anyMatch(w -> w == null || w.signum() < 0))) {
            problems.add(FieldProblem.of("seasonality", "goal.split.seasonality"));
        }
        Validation.throwIfAny(problems);
        List<Goal> existing = goals.children(id);
        if (!existing.isEmpty() && parent.splitAxis() != null && parent.splitAxis() != cmd.axis()) {
            throw new ConflictException("goal.split.otherAxis", "Goal " + id + " is already split by " + parent.splitAxis());
        }
        List<Candidate> candidates = cmd.axis() == SplitAxis.ORG ? orgCandidates(parent, cmd) : calendarCandidates(parent, cmd);
        if (candidates.isEmpty()) {
            throw InvalidInputException.of("axis", "goal.split.noChildren");
        }
        if (cmd.method() == SplitMethod.WEIGHTS && candidates.stream().allMatch(c -> c.weight.signum() == 0)) {
            throw InvalidInputException.of("weights", "goal.split.noWeights");
        }
        Map<String, Goal> byKey = new HashMap<>();
        existing.forEach(g -> byKey.put(key(cmd.axis(), g.unit(), g.period()), g));
        List<Decomposition.Child> children = candidates.stream().map(c -> {
            Goal old = byKey.get(c.key);
            return old != null && old.locked() ? Decomposition.Child.locked(c.key, old.target())
                    : Decomposition.Child.weighted(c.key, c.weight);
        }).toList();
        Decomposition.Result result = Decomposition.split(parent.target(), children, parent.metric().scale());
        String note = note(cmd, candidates, result);
        List<SplitPlan.Child> planned = new ArrayList<>();
        List<String> clashes = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            Decomposition.Share share = result.shares().get(i);
            Goal old = byKey.get(c.key);
            if (old == null) {
                goals.findFor(parent.metric(), c.unit.teamId(), c.unit.repId(), c.period)
                        .ifPresent(other -> clashes.add(c.label + " (#" + other.id() + ")"));
            }
            planned.add(new SplitPlan.Child(c.key, c.label, c.unit, c.period, c.weight, share.value(), share.locked(),
                    old == null ? null : old.id()));
        }
        if (!clashes.isEmpty()) {
            throw InvalidInputException.of("axis", "goal.split.duplicate", String.join(", ", clashes));
        }
        if (cmd.preview()) {
            return new SplitPlan(id, cmd.axis(), cmd.method(), planned, result.gap(), note, false);
        }
        return save(viewer, parent, cmd, planned, existing, byKey, result.gap(), note);
    }

    private SplitPlan save(Viewer viewer, Goal parent, SplitCommand cmd, List<SplitPlan.Child> planned, List<Goal> existing,
            Map<String, Goal> byKey, BigDecimal gap, String note) {
        String reason = "split of goal " + parent.id() + " (" + cmd.axis() + ", " + cmd.method() + ")"
                + (cmd.reason() == null || cmd.reason().isBlank() ? "" : ": " + cmd.reason().trim());
        Owners owners = owners(parent);
        int scale = parent.metric().scale();
        List<SplitPlan.Child> saved = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (SplitPlan.Child c : planned) {
            Goal old = byKey.get(c.key());
            kept.add(c.key());
            BigDecimal base = proportional(parent.base(), parent.target(), c.value(), scale);
            BigDecimal stretch = proportional(parent.stretch(), parent.target(), c.value(), scale);
            if (old == null) {
                long childId = goals.insert(new GoalRepository.NewGoal(parent.id(), parent.metric(), c.unit().teamId(),
                        c.unit().repId(), scopeTeam(c.unit()), c.period(), c.value(), base, stretch, parent.currency(),
                        owners.of(c.unit()), clock.instant(), Viewers.actorName()));
                Goal created = goals.find(childId).orElseThrow();
                audit.record(Change.created("goal", childId, scopeTeam(c.unit()), c.unit().repId(), created).because(reason));
                changed(created, "CREATED", true);
                saved.add(withId(c, childId));
            } else {
                if (!c.locked() && (old.target().compareTo(c.value()) != 0)) {
                    goals.setTarget(old.id(), c.value(), base, stretch, false, null, null);
                    audit.record(Change.updated("goal", old.id(), scopeTeam(old.unit()), old.unit().repId(),
                            targetSnapshot(old.target(), false), targetSnapshot(c.value(), false)).because(reason));
                    goals.find(old.id()).ifPresent(g -> changed(g, "SPLIT", true));
                }
                saved.add(c);
            }
        }
        for (Goal old : existing) {
            if (!kept.contains(key(cmd.axis(), old.unit(), old.period()))) {
                goals.deactivateSubtree(old.id());
                audit.record(new Change("DEACTIVATE", "goal", String.valueOf(old.id()), scopeTeam(old.unit()), old.unit().repId(),
                        targetSnapshot(old.target(), old.locked()), null, reason + ": no longer a child"));
                changed(old, "DEACTIVATED", false);
            }
        }
        goals.setSplit(parent.id(), cmd.axis(), cmd.method(), note);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("axis", cmd.axis());
        after.put("method", cmd.method());
        after.put("granularity", cmd.granularity());
        after.put("children", saved.stream().map(c -> c.label() + " = " + c.value().toPlainString() + (c.locked() ? " (locked)" : "")).toList());
        after.put("note", note);
        audit.record(new Change("SPLIT", "goal", String.valueOf(parent.id()), scopeTeam(parent.unit()), parent.unit().repId(),
                null, after, cmd.reason() == null || cmd.reason().isBlank() ? null : cmd.reason().trim()));
        changed(parent, "SPLIT", true);
        return new SplitPlan(parent.id(), cmd.axis(), cmd.method(), saved, gap, note, true);
    }

    /** Sets a goal's target by hand with a reason; a child is then locked so re-splits of its parent keep it. */
    @Transactional
    public Goal adjust(Viewer viewer, long id, AdjustCommand cmd) {
        Goal goal = get(viewer, id);
        Goal parent = goal.parentId() == null ? null : goals.find(goal.parentId()).orElse(null);
        if (parent != null) {
            if (!visible(viewer, parent)) {
                throw new ForbiddenException("Only whoever plans the parent goal adjusts its children");
            }
            requireManage(viewer, parent);
        } else {
            requireManage(viewer, goal);
        }
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if (cmd.target() != null && !goal.metric().money() && cmd.target().stripTrailingZeros().scale() > 0) {
            problems.add(FieldProblem.of("target", "goal.target.whole"));
        }
        Validation.throwIfAny(problems);
        int scale = goal.metric().scale();
        BigDecimal target = scaled(cmd.target(), scale);
        boolean locked = parent != null;
        if (!goals.setTarget(id, target, proportional(goal.base(), goal.target(), target, scale),
                proportional(goal.stretch(), goal.target(), target, scale), locked, cmd.reason().trim(), cmd.version())) {
            throw new ConflictException("stale", "Goal " + id + " was changed by someone else; reload and try again");
        }
        Goal after = goals.find(id).orElseThrow();
        audit.record(new Change("ADJUST", "goal", String.valueOf(id), scopeTeam(goal.unit()), goal.unit().repId(),
                targetSnapshot(goal.target(), goal.locked()), targetSnapshot(after.target(), after.locked()), cmd.reason().trim()));
        changed(after, "ADJUSTED", true);
        return after;
    }

    /** Releases a hand-adjusted child so the next re-split of its parent spreads it again. */
    @Transactional
    public Goal unlock(Viewer viewer, long id, String reason) {
        Goal goal = get(viewer, id);
        Goal parent = goal.parentId() == null ? null : goals.find(goal.parentId()).filter(p -> visible(viewer, p)).orElse(null);
        requireManage(viewer, parent != null ? parent : goal);
        goals.setTarget(id, goal.target(), goal.base(), goal.stretch(), false, null, null);
        Goal after = goals.find(id).orElseThrow();
        audit.record(new Change("UNLOCK", "goal", String.valueOf(id), scopeTeam(goal.unit()), goal.unit().repId(),
                targetSnapshot(goal.target(), true), targetSnapshot(goal.target(), false), reason));
        changed(after, "UNLOCKED", true);
        return after;
    }

    /** Tells other modules (webhooks) what became of a goal, in the transaction that changed it. */
    private void changed(Goal goal, String change, boolean active) {
        events.publishEvent(GoalChanged.of(goal, change, active, clock.instant()));
    }

    // ---------------------------------------------------------------- suggestions, potential

    /** Suggested quotas for each org child of the goal (sub-teams and reps) for the goal's period. */
    @Transactional(readOnly = true)
    public List<QuotaSuggestionView> suggestions(Viewer viewer, long id) {
        Goal goal = get(viewer, id);
        if (goal.unit().rep()) {
            throw InvalidInputException.of("axis", "goal.split.repHasNoOrgChildren");
        }
        List<Candidate> units = orgUnits(goal.unit().teamId());
        return Suggestions.suggest(goal, units.stream().map(c -> c.unit).toList(), actuals, potentialsByUnit(units));
    }

    // ---------------------------------------------------------------- progress

    List<GoalProgress> progress(List<Goal> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, BigDecimal> actual = actuals.actuals(list);
        Map<Long, List<Goal>> children = goals.childrenOf(list.stream().map(Goal::id).toList()).stream()
                .collect(Collectors.groupingBy(Goal::parentId));
        Map<Long, WorkingCalendar> calendars = calendars(list);
        LocalDate today = LocalDate.now(clock);
        List<GoalProgress> result = new ArrayList<>();
        for (Goal g : list) {
            BigDecimal value = actual.getOrDefault(g.id(), BigDecimal.ZERO);
            Pace.Progress p = Pace.of(g.period(), today, g.target(), g.base(), g.stretch(), value, calendars.get(g.id()), thresholds);
            List<Goal> kids = children.getOrDefault(g.id(), List.of());
            BigDecimal sum = kids.isEmpty() ? null : kids.stream().map(Goal::target).reduce(BigDecimal.ZERO, BigDecimal::add);
            result.add(new GoalProgress(g, value, p.elapsed(), p.expected(), p.behind(), PaceGap.of(p.deviation()), p.forecast(),
                    p.attainment(), GoalStatus.valueOf(p.status().name()), GoalTier.valueOf(p.tier().name()), p.finished(), kids.size(), sum,
                    sum == null ? null : Decomposition.gap(g.target(), List.of(sum))));
        }
        return result;
    }

    WorkingCalendar calendarFor(Goal goal) {
        return calendars(List.of(goal)).get(goal.id());
    }

    /** A rep works their own days minus absences; a team Monday to Friday. */
    private Map<Long, WorkingCalendar> calendars(List<Goal> list) {
        Map<Long, WorkingCalendar> result = new HashMap<>();
        boolean anyRep = list.stream().anyMatch(g -> g.unit().rep());
        Map<Long, Rep> byId = anyRep ? reps.list(Viewer.system(), RepQuery.all()).stream().collect(Collectors.toMap(Rep::id, r -> r))
                : Map.of();
        for (Goal g : list) {
            Rep rep = g.unit().rep() ? byId.get(g.unit().repId()) : null;
            result.put(g.id(), rep == null ? WorkingCalendar.mondayToFriday() : calendarOf(rep, g.period()));
        }
        return result;
    }

    private static WorkingCalendar calendarOf(Rep rep, Period period) {
        Set<LocalDate> off = new HashSet<>();
        rep.absences().forEach(a -> {
            for (LocalDate d = a.startsOn(); !d.isAfter(a.endsOn()); d = d.plusDays(1)) {
                if (period.contains(d)) {
                    off.add(d);
                }
            }
        });
        return new WorkingCalendar(rep.workingDays(), off);
    }

    // ---------------------------------------------------------------- split helpers

    private record Candidate(String key, String label, OrgUnit unit, Period period, BigDecimal weight) {}

    private List<Candidate> orgCandidates(Goal parent, SplitCommand cmd) {
        List<Candidate> units = orgUnits(parent.unit().teamId());
        Map<String, BigDecimal> weights = switch (cmd.method()) {
            case EQUAL -> Map.of();
            case WEIGHTS -> cmd.weights();
            case LAST_PERIOD_SHARE -> actuals.measure(parent.metric(), units.stream()
                    .map(c -> GoalActuals.window(c.key, c.unit, parent.period().previous())).toList());
            case TERRITORY_POTENTIAL -> potentialsByUnit(units);
            default -> throw new IllegalStateException(cmd.method() + " does not split down the organisation");
        };
        if (cmd.method() == SplitMethod.TERRITORY_POTENTIAL && weights.values().stream().allMatch(w -> w.signum() == 0)) {
            throw InvalidInputException.of("method", "goal.split.noPotential");
        }
        return units.stream().map(c -> new Candidate(c.key, c.label, c.unit, parent.period(),
                cmd.method() == SplitMethod.EQUAL ? BigDecimal.ONE : weights.getOrDefault(c.key, BigDecimal.ZERO))).toList();
    }

    private List<Candidate> calendarCandidates(Goal parent, SplitCommand cmd) {
        WorkingCalendar calendar = calendars(List.of(parent)).get(parent.id());
        CalendarSplit.Method method = switch (cmd.method()) {
            case WORKING_DAYS -> CalendarSplit.Method.WORKING_DAYS;
            case SEASONALITY -> CalendarSplit.Method.SEASONALITY;
            default -> CalendarSplit.Method.EQUAL;
        };
        Seasonality season = cmd.method() != SplitMethod.SEASONALITY ? Seasonality.flat()
                : cmd.seasonality() != null ? new Seasonality(cmd.seasonality()) : seasonalityFromHistory(parent);
        return CalendarSplit.pieces(parent.period(), cmd.granularity(), method, calendar, season).stream()
                .map(p -> new Candidate(p.period().label(), p.period().label(), parent.unit(), p.period(),
                        cmd.method() == SplitMethod.WEIGHTS ? cmd.weights().getOrDefault(p.period().label(), BigDecimal.ZERO) : p.weight()))
                .toList();
    }

    /** Last twelve months' actuals of the goal's unit, by month of the year. */
    private Seasonality seasonalityFromHistory(Goal goal) {
        LocalDate first = goal.period().start().withDayOfMonth(1).minusMonths(12);
        List<UnitPeriod> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Period m = Period.of(PeriodKind.MONTH, first.plusMonths(i));
            months.add(GoalActuals.window(String.valueOf(m.start().getMonthValue()), goal.unit(), m));
        }
        Map<String, BigDecimal> values = actuals.measure(goal.metric(), months);
        List<BigDecimal> curve = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            curve.add(values.getOrDefault(String.valueOf(month), BigDecimal.ZERO));
        }
        return new Seasonality(curve);
    }

    /** Active sub-teams directly below the team, then the team's own active reps. */
    private List<Candidate> orgUnits(long teamId) {
        List<Candidate> units = new ArrayList<>();
        teams.list(Viewer.system(), false).stream()
                .filter(t -> t.parentId() != null && t.parentId() == teamId)
                .sorted(Comparator.comparing(Team::name))
                .forEach(t -> {
                    OrgUnit u = new OrgUnit(OrgUnit.Kind.valueOf(t.kind().name()), t.id(), null, t.name());
                    units.add(new Candidate(u.key(), t.name(), u, null, BigDecimal.ONE));
                });
        reps.list(Viewer.system(), new RepQuery(teamId, null, null, true)).stream()
                .filter(r -> r.teamId() == teamId)
                .forEach(r -> {
                    OrgUnit u = new OrgUnit(OrgUnit.Kind.REP, null, r.id(), r.name());
                    units.add(new Candidate(u.key(), r.name(), u, null, BigDecimal.ONE));
                });
        return units;
    }

    /** Each unit's territory potential: its reps' territories, a territory shared by several reps split evenly. */
    private Map<String, BigDecimal> potentialsByUnit(List<Candidate> units) {
        Map<String, BigDecimal> potential = goals.potentials();
        if (potential.isEmpty()) {
            return Map.of();
        }
        List<Rep> all = reps.list(Viewer.system(), new RepQuery(null, null, null, true));
        Map<String, Long> holders = all.stream().flatMap(r -> r.territories().stream().distinct())
                .collect(Collectors.groupingBy(t -> t.kind().name() + ":" + t.code(), Collectors.counting()));
        Map<String, BigDecimal> result = new HashMap<>();
        for (Candidate c : units) {
            List<Rep> members = c.unit.rep()
                    ? all.stream().filter(r -> r.id() == c.unit.repId()).toList()
                    : reps.list(Viewer.system(), new RepQuery(c.unit.teamId(), null, null, true));
            BigDecimal sum = BigDecimal.ZERO;
            for (Rep r : members) {
                for (var t : r.territories().stream().distinct().toList()) {
                    String key = t.kind().name() + ":" + t.code();
                    BigDecimal value = potential.get(key);
                    if (value != null) {
                        sum = sum.add(value.divide(BigDecimal.valueOf(holders.getOrDefault(key, 1L)), MathContext.DECIMAL64));
                    }
                }
            }
            result.put(c.key, sum);
        }
        return result;
    }

    private static String note(SplitCommand cmd, List<Candidate> candidates, Decomposition.Result result) {
        List<String> notes = new ArrayList<>();
        if (result.equalFallback()) {
            notes.add(cmd.method() == SplitMethod.LAST_PERIOD_SHARE ? "no actuals in the previous period: split equally"
                    : "no weights: split equally");
        }
        if (result.lockedTotal().signum() > 0) {
            notes.add("kept locked " + result.lockedTotal().toPlainString() + ", spread " + result.spread().toPlainString());
        }
        if (result.gap().signum() != 0) {
            notes.add("locked children exceed the parent by " + result.gap().negate().toPlainString());
        }
        if (cmd.method() == SplitMethod.SEASONALITY) {
            notes.add(cmd.seasonality() != null ? "seasonality entered" : "seasonality from last 12 months' actuals");
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    private static String key(SplitAxis axis, OrgUnit unit, Period period) {
        return axis == SplitAxis.ORG ? unit.key() : period.label();
    }

    private static SplitPlan.Child withId(SplitPlan.Child c, long id) {
        return new SplitPlan.Child(c.key(), c.label(), c.unit(), c.period(), c.weight(), c.value(), c.locked(), id);
    }

    // ---------------------------------------------------------------- owners, units, rights

    /** Who owns a new child: the rep's login, a manager of the team, else the parent's owner. */
    private Owners owners(Goal parent) {
        return new Owners(users.list(Viewer.system()), parent.ownerUserId());
    }

    private record Owners(List<User> users, long fallback) {
        long of(OrgUnit unit) {
            Optional<User> user = unit.rep()
                    ? users.stream().filter(u -> u.enabled() && unit.repId().equals(u.repId())).findFirst()
                    : users.stream().filter(u -> u.enabled() && u.role() == Role.MANAGER && unit.teamId().equals(u.teamId())).findFirst();
            return user.map(User::id).orElse(fallback);
        }
    }

    private OrgUnit unit(Viewer viewer, Long teamId, Long repId, List<FieldProblem> problems) {
        if ((teamId == null) == (repId == null)) {
            problems.add(FieldProblem.of("teamId", "goal.unit.required"));
            return null;
        }
        try {
            if (repId != null) {
                Rep rep = reps.get(viewer, repId);
                return new OrgUnit(OrgUnit.Kind.REP, null, rep.id(), rep.name());
            }
            Team team = teams.get(viewer, teamId);
            return new OrgUnit(OrgUnit.Kind.valueOf(team.kind().name()), team.id(), null, team.name());
        } catch (NotFoundException e) {
            problems.add(FieldProblem.of(repId != null ? "repId" : "teamId", "goal.unit.unknown"));
            return null;
        }
    }

    private long scopeTeam(OrgUnit unit) {
        return unit.rep() ? reps.get(Viewer.system(), unit.repId()).teamId() : unit.teamId();
    }

    private boolean userExists(long id) {
        try {
            users.get(Viewer.system(), id);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private boolean visible(Viewer viewer, Goal goal) {
        return goals.findVisible(viewer, goal.id()).isPresent();
    }

    private static void requirePlanner(Viewer viewer) {
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Role " + viewer.role() + " reads goals but does not set them");
        }
    }

    /** Directors and admins plan every goal they see; a manager the goals of their subtree below their own team. */
    void requireManage(Viewer viewer, Goal goal) {
        requirePlanner(viewer);
        if (viewer.role() == Role.MANAGER && !visible(viewer, goal)) {
            throw new ForbiddenException("Goal " + goal.id() + " is outside your team");
        }
    }

    private static void checkTiers(BigDecimal target, BigDecimal base, BigDecimal stretch, List<FieldProblem> problems) {
        if (target == null) {
            return;
        }
        if (base != null && (base.signum() < 0 || base.compareTo(target) > 0)) {
            problems.add(FieldProblem.of("base", "goal.base.aboveTarget"));
        }
        if (stretch != null && stretch.compareTo(target) < 0) {
            problems.add(FieldProblem.of("stretch", "goal.stretch.belowTarget"));
        }
    }

    private static BigDecimal scaled(BigDecimal v, int scale) {
        return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal proportional(BigDecimal tier, BigDecimal target, BigDecimal value, int scale) {
        if (tier == null || target.signum() == 0) {
            return null;
        }
        return value.multiply(tier).divide(target, scale, RoundingMode.HALF_UP);
    }

    private static Map<String, Object> targetSnapshot(BigDecimal target, boolean locked) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target.toPlainString());
        m.put("locked", locked);
        return m;
    }
}
