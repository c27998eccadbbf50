package dev.fairlead.performance.web;

import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewers;
import dev.fairlead.performance.BoardCommand;
import dev.fairlead.performance.BoardKind;
import dev.fairlead.performance.BoardStanding;
import dev.fairlead.performance.Leaderboard;
import dev.fairlead.performance.LeaderboardService;
import dev.fairlead.performance.PointsAction;
import dev.fairlead.performance.PointsAward;
import dev.fairlead.performance.PointsEntry;
import dev.fairlead.performance.PointsLedger;
import dev.fairlead.performance.PointsPolicy;
import dev.fairlead.performance.PointsService;
import dev.fairlead.performance.ScorecardService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/performance")
@Tag(name = "Incentives", description = "Incentive points (policy, ledgers, awards) and leaderboards with display modes and visibility")
class IncentivesApiController {

    /** A ledger line with its reason in the caller's language (Accept-Language). */
    record Line(PointsEntry entry, String reasonText) {}

    /** A ledger with its lines in words. */
    record LedgerAnswer(String period, long total, List<PointsLedger.RepTotal> totals, List<Line> entries) {}

    /** Points per action to set; actions not named keep theirs. */
    record PolicyBody(Map<PointsAction, Integer> points) {}

    private final PointsService points;
    private final LeaderboardService boards;
    private final ScorecardService scorecards;
    private final MessageSource messages;

    IncentivesApiController(PointsService points, LeaderboardService boards, ScorecardService scorecards, MessageSource messages) {
        this.points = points;
        this.boards = boards;
        this.scorecards = scorecards;
        this.messages = messages;
    }

    @GetMapping("/points/policy")
    @Operation(operationId = "pointsPolicy", summary = "Points per action, company-wide (the rules are public)")
    PointsPolicy policy() {
        return points.policy();
    }

    @PutMapping("/points/policy")
    @Operation(operationId = "setPointsPolicy", summary = "Set points per action (directors and admins; audited)")
    PointsPolicy setPolicy(@RequestBody PolicyBody body) {
        return points.setPolicy(Viewers.require(), body == null ? null : body.points());
    }

    @GetMapping("/points/mine")
    @Operation(operationId = "myPoints", summary = "The caller's points ledger for a period (the current month by default)")
    LedgerAnswer mine(@RequestParam(required = false) String period, @RequestParam(required = false) PeriodKind kind, Locale locale) {
        return answer(points.mine(Viewers.require(), scorecards.period(period, kind)), locale);
    }

    @GetMapping("/points/reps/{repId}")
    @Operation(operationId = "repPoints", summary = "A rep's points ledger: a rep sees only their own, a manager their team and below")
    LedgerAnswer rep(@PathVariable long repId, @RequestParam(required = false) String period, @RequestParam(required = false) PeriodKind kind,
            Locale locale) {
        return answer(points.rep(Viewers.require(), repId, scorecards.period(period, kind)), locale);
    }

    @GetMapping("/points/teams/{teamId}")
    @Operation(operationId = "teamPoints", summary = "A team's points ledger (sub-teams included) and totals per rep; not for reps")
    LedgerAnswer team(@PathVariable long teamId, @RequestParam(required = false) String period, @RequestParam(required = false) PeriodKind kind,
            Locale locale) {
        return answer(points.team(Viewers.require(), teamId, scorecards.period(period, kind)), locale);
    }

    @PostMapping("/points/awards")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "awardPoints", summary = "Grant a one-off award to a rep of the caller's team, with a reason (managers, directors, admins; audited)")
    Line award(@RequestBody PointsAward body, Locale locale) {
        return line(points.award(Viewers.require(), body), locale);
    }

    @GetMapping("/boards")
    @Operation(operationId = "listLeaderboards", summary = "The leaderboards the caller may read, with their display mode and visibility (directors and admins: all)")
    List<Leaderboard> boards() {
        return boards.list(Viewers.require());
    }

    @GetMapping("/boards/screen")
    @Operation(operationId = "leaderboardScreen", summary = "Every board for the big screen (not own-rank boards), the first rows of each, for the current period of kind")
    List<BoardStanding> screen(@RequestParam(required = false) String period, @RequestParam(required = false) PeriodKind kind, Locale locale) {
        return boards.screen(Viewers.require(), scorecards.period(period, kind), locale);
    }

    @GetMapping("/boards/{kind}")
    @Operation(operationId = "getLeaderboard", summary = "A leaderboard for a period as the caller may see it: 403 when its visibility excludes them; "
            + "own-rank mode answers a rep their own row only; pseudonym and number modes carry no ids or others' names")
    BoardStanding board(@PathVariable BoardKind kind, @RequestParam(required = false) String period, @RequestParam(required = false) PeriodKind periodKind,
            Locale locale) {
        return boards.standing(Viewers.require(), kind, scorecards.period(period, periodKind), locale);
    }

    @PutMapping("/boards/{kind}")
    @Operation(operationId = "configureLeaderboard", summary = "Configure a leaderboard: display mode, visibility, measure (improvement, teams), on or off (directors and admins; audited)")
    Leaderboard configure(@PathVariable BoardKind kind, @RequestBody BoardCommand body) {
        return boards.configure(Viewers.require(), kind, body);
    }

    private LedgerAnswer answer(PointsLedger ledger, Locale locale) {
        return new LedgerAnswer(ledger.period(), ledger.total(), ledger.totals(), ledger.entries().stream().map(e -> line(e, locale)).toList());
    }

    private Line line(PointsEntry e, Locale locale) {
        return new Line(e, messages.getMessage("incentives.reason." + e.reason().name(), null, locale));
    }
}
