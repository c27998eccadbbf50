package dev.fairlead.performance;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Period;
import dev.fairlead.common.Role;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.performance.domain.Improvement;
import dev.fairlead.performance.domain.Metric;
import dev.fairlead.performance.domain.Pseudonyms;
import dev.fairlead.performance.domain.Ranking;
import dev.fairlead.performance.persistence.BoardRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaderboards (排行榜, decision 0503). Who may read a board and what of it they get is decided here,
 * before anything leaves the server: a managers-only board refuses reps (403); a team board ranks the
 * reader's team (a manager's team and below); pseudonym and number modes name only the reader's own
 * row and carry no ids; own-rank mode gives a rep their own row only. Values come from where they are
 * recorded: revenue through {@link PerformanceMetrics#measure} (confirmed credit once it exists),
 * deals won, points from the ledger, scores from the scorecards (frozen ones as frozen).
 */
@Service
public class LeaderboardService {

    /** The most rows a big-screen board shows. */
    public static final int SCREEN_ROWS = 10;

    private final BoardRepository boards;
    private final PerformanceMetrics metrics;
    private final ScorecardService scorecards;
    private final PointsService points;
    private final RepService reps;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    LeaderboardService(BoardRepository boards, PerformanceMetrics metrics, ScorecardService scorecards, PointsService points, RepService reps,
            MessageSource messages, AuditTrail audit, Clock clock) {
        this.boards = boards;
        this.metrics = metrics;
        this.scorecards = scorecards;
        this.points = points;
        this.reps = reps;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The boards the viewer may read (directors and admins: every board, to configure them). */
    @Transactional(readOnly = true)
    public List<Leaderboard> list(Viewer viewer) {
        return boards.list().stream().filter(b -> viewer.role().setsCompanyRules() || (b.enabled() && readable(viewer, b))).toList();
    }

    @Transactional(readOnly = true)
    public Leaderboard config(BoardKind kind) {
        return boards.find(kind).orElseThrow(() -> new NotFoundException("leaderboard", kind));
    }

    /** The board as the viewer may see it for the period; 403 when its visibility excludes the viewer, 404 when it is switched off. */
    @Transactional(readOnly = true)
    public BoardStanding standing(Viewer viewer, BoardKind kind, Period period, Locale locale) {
        Leaderboard board = config(kind);
        if (!board.enabled()) {
            throw new NotFoundException("leaderboard", kind);
        }
        if (!readable(viewer, board)) {
            throw new ForbiddenException("The " + kind + " leaderboard is for managers, directors, admins and finance");
        }
        return compute(viewer, board, period, locale);
    }

    /** Every board the viewer may read that can go on a shared screen (not own-rank boards), its first rows. */
    @Transactional(readOnly = true)
    public List<BoardStanding> screen(Viewer viewer, Period period, Locale locale) {
        List<BoardStanding> result = new ArrayList<>();
        for (Leaderboard board : boards.list()) {
            if (board.enabled() && readable(viewer, board) && board.displayMode() != DisplayMode.OWN_RANK) {
                BoardStanding s = compute(viewer, board, period, locale);
                result.add(new BoardStanding(s.kind(), s.measure(), s.displayMode(), s.visibility(), s.period(), s.previousPeriod(), s.unit(),
                        s.currency(), s.participants(), s.rows().stream().limit(SCREEN_ROWS).toList()));
            }
        }
        return result;
    }

    /** Changes a board's display mode, visibility, measure or whether it is on (directors and admins; audited). */
    @Transactional
    public Leaderboard configure(Viewer viewer, BoardKind kind, BoardCommand cmd) {
        if (!viewer.role().setsCompanyRules()) {
            throw new ForbiddenException("Only directors and admins configure leaderboards");
        }
        Leaderboard before = config(kind);
        List<FieldProblem> problems = new ArrayList<>();
        if (cmd == null || cmd.displayMode() == null) {
            problems.add(FieldProblem.of("displayMode", "incentives.board.displayMode.required"));
        }
        if (cmd == null || cmd.visibility() == null) {
            problems.add(FieldProblem.of("visibility", "incentives.board.visibility.required"));
        }
        BoardMeasure measure = cmd == null ? null : kind.hasMeasure() ? (cmd.measure() != null ? cmd.measure() : before.measure()) : null;
        if (cmd != null && !kind.hasMeasure() && cmd.measure() != null) {
            problems.add(FieldProblem.of("measure", "incentives.board.noMeasure"));
        }
        Validation.throwIfAny(problems);
        boolean enabled = cmd.enabled() == null || cmd.enabled();
        if (!boards.update(kind, cmd.displayMode(), cmd.visibility(), measure, enabled, cmd.version(), viewer.username(), clock.instant())) {
            throw new ConflictException("stale", "The " + kind + " leaderboard was changed by someone else; reload and try again");
        }
        Leaderboard after = config(kind);
        audit.record(Change.updated("leaderboard", kind.name(), null, null, before, after));
        return after;
    }

    private static boolean readable(Viewer viewer, Leaderboard board) {
        return board.visibility() != BoardVisibility.MANAGERS || !viewer.isRep();
    }

    private BoardStanding compute(Viewer viewer, Leaderboard board, Period period, Locale locale) {
        List<Rep> population = population(viewer, board);
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, BigDecimal> values;
        Long own;
        if (board.kind().ranksTeams()) {
            population.forEach(r -> names.put(r.teamId(), r.teamName()));
            values = teamValues(board.measure(), population, period);
            own = viewer.isRep() ? ownTeam(viewer) : viewer.teamId();
        } else {
            population.forEach(r -> names.put(r.id(), r.name()));
            values = repValues(board, population, period);
            own = viewer.repId();
        }
        Pseudonyms pseudonyms = new Pseudonyms(boards.salt(board.kind()));
        String boardKey = board.kind().name();
        String periodKey = period.label();
        List<Ranking.Entry<Long>> entries = names.keySet().stream().filter(values::containsKey)
                .map(id -> new Ranking.Entry<>(id, values.get(id), pseudonyms.key(boardKey, periodKey, id))).toList();
        List<Ranking.Ranked<Long>> ranked = Ranking.rank(entries);
        DisplayMode mode = board.displayMode();
        boolean ownOnly = mode == DisplayMode.OWN_RANK && viewer.role() == Role.REP;
        boolean named = mode == DisplayMode.NAMES || (mode == DisplayMode.OWN_RANK && !ownOnly);
        Map<String, Integer> seen = new HashMap<>();
        List<BoardStanding.Row> rows = new ArrayList<>();
        for (Ranking.Ranked<Long> r : ranked) {
            boolean mine = own != null && own.equals(r.key());
            if (ownOnly && !mine) {
                continue;
            }
            String label = named || mine ? names.get(r.key()) : disguise(mode, pseudonyms, boardKey, periodKey, r.key(), locale, seen);
            Long id = named ? r.key() : null;
            rows.add(new BoardStanding.Row(r.rank(), label, r.value(), mine, board.kind().ranksTeams() ? null : id,
                    board.kind().ranksTeams() ? id : null));
        }
        Period previous = board.kind() == BoardKind.IMPROVEMENT ? period.previous() : null;
        return new BoardStanding(board.kind(), board.measure(), mode, board.visibility(), period.label(), previous == null ? null : previous.label(),
                unit(board), metrics.currency(), ranked.size(), rows);
    }

    /** Who the board ranks for this viewer: the reader's team on a team board (a manager's team and below), else every active rep. */
    private List<Rep> population(Viewer viewer, Leaderboard board) {
        if (board.visibility() == BoardVisibility.TEAM) {
            if (viewer.isRep()) {
                Long team = ownTeam(viewer);
                if (team == null) {
                    return List.of();
                }
                return reps.forRouting(false, List.of(team), List.of()).stream().filter(r -> r.active() && r.teamId() == team).toList();
            }
            if (viewer.role() == Role.MANAGER) {
                return reps.list(viewer, new RepQuery(null, null, null, true));
            }
        }
        return reps.forRouting(true, List.of(), List.of()).stream().filter(Rep::active).toList();
    }

    private Long ownTeam(Viewer viewer) {
        return viewer.repId() == null ? null : reps.schedule(viewer.repId()).teamId();
    }

    private Map<Long, BigDecimal> repValues(Leaderboard board, List<Rep> population, Period period) {
        List<Long> ids = population.stream().map(Rep::id).toList();
        return switch (board.kind()) {
            case REVENUE -> metric(Metric.REVENUE, ids, period);
            case DEALS_WON -> metric(Metric.DEALS_WON, ids, period);
            case POINTS -> {
                Map<Long, Long> sums = points.sums(ids, period);
                Map<Long, BigDecimal> v = new HashMap<>();
                ids.forEach(id -> v.put(id, BigDecimal.valueOf(sums.getOrDefault(id, 0L))));
                yield v;
            }
            case IMPROVEMENT -> improvement(board.measure(), population, period);
            case TEAMS -> throw new IllegalArgumentException("TEAMS ranks teams");
        };
    }

    /** Percent change against the previous period, for every rep with a current value; null where there is nothing to improve on. */
    private Map<Long, BigDecimal> improvement(BoardMeasure measure, List<Rep> population, Period period) {
        Map<Long, BigDecimal> now = measure == BoardMeasure.SCORE ? scores(population, period)
                : metric(Metric.REVENUE, population.stream().map(Rep::id).toList(), period);
        Map<Long, BigDecimal> before = measure == BoardMeasure.SCORE ? scores(population, period.previous())
                : metric(Metric.REVENUE, population.stream().map(Rep::id).toList(), period.previous());
        Map<Long, BigDecimal> change = new HashMap<>();
        now.forEach((id, value) -> change.put(id, Improvement.percentChange(before.get(id), value)));
        return change;
    }

    /** A team's revenue (the sum of its reps') or score (the mean of its scored reps' totals, one decimal). */
    private Map<Long, BigDecimal> teamValues(BoardMeasure measure, List<Rep> population, Period period) {
        Map<Long, BigDecimal> byRep = measure == BoardMeasure.SCORE ? scores(population, period)
                : metric(Metric.REVENUE, population.stream().map(Rep::id).toList(), period);
        Map<Long, BigDecimal> sums = new HashMap<>();
        Map<Long, Integer> counts = new HashMap<>();
        for (Rep r : population) {
            BigDecimal v = byRep.get(r.id());
            if (v != null) {
                sums.merge(r.teamId(), v, BigDecimal::add);
                counts.merge(r.teamId(), 1, Integer::sum);
            }
        }
        if (measure == BoardMeasure.SCORE) {
            sums.replaceAll((team, sum) -> sum.divide(BigDecimal.valueOf(counts.get(team)), 1, RoundingMode.HALF_UP));
        }
        return sums;
    }

    private Map<Long, BigDecimal> metric(Metric metric, List<Long> ids, Period period) {
        Map<Long, BigDecimal> values = new HashMap<>();
        metrics.measure(Set.of(metric), ids, period, Map.of()).forEach((id, m) -> values.put(id, m.get(metric).value()));
        return values;
    }

    private Map<Long, BigDecimal> scores(List<Rep> population, Period period) {
        Map<Long, BigDecimal> values = new HashMap<>();
        scorecards.cards(population, period).forEach(c -> values.put(c.repId(), c.card().total()));
        return values;
    }

    private String disguise(DisplayMode mode, Pseudonyms pseudonyms, String board, String period, long id, Locale locale,
            Map<String, Integer> seen) {
        String label;
        if (mode == DisplayMode.NUMBERS) {
            label = messages.getMessage("incentives.number", new Object[] {String.valueOf(pseudonyms.number(board, period, id))}, locale);
        } else {
            Pseudonyms.Pseudonym p = pseudonyms.pseudonym(board, period, id);
            label = messages.getMessage("incentives.pseudonym", new Object[] {
                    messages.getMessage("incentives.pseudonym.adjective." + p.adjective(), null, locale),
                    messages.getMessage("incentives.pseudonym.animal." + p.animal(), null, locale)}, locale);
        }
        int n = seen.merge(label, 1, Integer::sum);
        return n == 1 ? label : label + " " + n;
    }

    private static String unit(Leaderboard board) {
        return switch (board.kind()) {
            case REVENUE -> "MONEY";
            case DEALS_WON, POINTS -> "COUNT";
            case IMPROVEMENT -> "PERCENT";
            case TEAMS -> board.measure() == BoardMeasure.SCORE ? "SCORE" : "MONEY";
        };
    }
}
