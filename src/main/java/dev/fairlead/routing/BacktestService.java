package dev.fairlead.routing;

import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.LeadHistory;
import dev.fairlead.routing.domain.Backtest;
import dev.fairlead.routing.domain.RepCalendar;
import dev.fairlead.routing.domain.RepState;
import dev.fairlead.routing.domain.Rule;
import dev.fairlead.routing.domain.RuleSet;
import dev.fairlead.routing.persistence.BacktestRepository;
import jakarta.annotation.PreDestroy;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backtests: a rule set and the active one replay the same historical leads side by side, through
 * the live engine, in the background; progress is written as it goes so any node can show it.
 * Working hours count as they do live: a lead that arrived when nobody who could take it was
 * working waits for the first of them and is routed then.
 */
@Service
public class BacktestService {

    private static final Logger log = LoggerFactory.getLogger(BacktestService.class);
    static final int MAX_DAYS = 366;

    private final RuleSetService ruleSets;
    private final RoutingInputs inputs;
    private final OffHours offHours;
    private final LeadHistory history;
    private final BacktestRepository backtests;
    private final TransactionTemplate newTransaction;
    private final Validator validator;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "routing-backtest");
        t.setDaemon(true);
        return t;
    });

    BacktestService(RuleSetService ruleSets, RoutingInputs inputs, OffHours offHours, LeadHistory history, BacktestRepository backtests,
            PlatformTransactionManager transactions, Validator validator, Clock clock) {
        this.ruleSets = ruleSets;
        this.inputs = inputs;
        this.offHours = offHours;
        this.history = history;
        this.backtests = backtests;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Starts a backtest of {@code ruleSetId} against the active rule set; returns at once. A manager's
     * backtest stays in their part of the organisation: it replays the leads their team and the teams
     * below it owned, among those teams' reps, so it shows no other team's leads, reps or value (a
     * lead a rule would send elsewhere counts as not assigned). A director's or admin's covers all.
     */
    public BacktestRun start(Viewer viewer, BacktestRequest req) {
        RoutingService.requireManager(viewer);
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, req));
        if (problems.isEmpty() && req.to().isBefore(req.from())) {
            problems.add(FieldProblem.of("to", "routing.backtest.toBeforeFrom"));
        } else if (problems.isEmpty() && req.from().plusDays(MAX_DAYS).isBefore(req.to())) {
            problems.add(FieldProblem.of("to", "routing.backtest.tooLong", MAX_DAYS));
        }
        Validation.throwIfAny(problems);
        RuleSetView candidate = ruleSets.get(req.ruleSetId());
        RuleSetView active = ruleSets.active();
        ZoneId zone = clock.getZone();
        Instant from = req.from().atStartOfDay(zone).toInstant();
        Instant to = req.to().plusDays(1).atStartOfDay(zone).toInstant();
        Long scope = viewer.seesAll() ? null : viewer.scopeTeamId();
        long total = history.countCreated(from, to, scope);
        long id = newTransaction.execute(tx -> backtests.insert(candidate.id(), active.id(), req.from(), req.to(), total,
                viewer.username(), scope, clock.instant()));
        runner.submit(() -> run(id, RuleCompiler.compile(candidate), RuleCompiler.compile(active), from, to, scope, total, zone));
        return get(viewer, id);
    }

    /** A backtest the viewer may read (see {@link BacktestRepository#findVisible}); 404 otherwise. */
    public BacktestRun get(Viewer viewer, long id) {
        RoutingService.requireManager(viewer);
        return backtests.findVisible(viewer, id).orElseThrow(() -> new NotFoundException("backtest", id));
    }

    void run(long id, RuleSet candidate, RuleSet active, Instant from, Instant to, Long scope, long total, ZoneId zone) {
        try {
            List<Rule> rules = new ArrayList<>(candidate.rules());
            rules.addAll(active.rules());
            List<RepState> reps = inputs.repsFor(rules, Set.of()).stream()
                    .filter(rep -> scope == null || rep.teamPath().contains(scope))
                    .toList();
            // Both replay the period by today's calendars: hours, public holidays (and make-up days) and duty shifts.
            RepCalendar calendar = offHours.calendar();
            Backtest candidateRun = new Backtest(candidate, reps, zone, calendar);
            Backtest activeRun = new Backtest(active, reps, zone, calendar);
            long step = Math.max(500, total / 50);
            AtomicLong processed = new AtomicLong();
            history.forEachCreated(from, to, scope, lead -> {
                var facts = RoutingInputs.facts(lead);
                candidateRun.route(facts);
                activeRun.route(facts);
                long n = processed.incrementAndGet();
                if (n % step == 0) {
                    newTransaction.executeWithoutResult(tx -> backtests.progress(id, n));
                }
            });
            newTransaction.executeWithoutResult(tx -> backtests.done(id, processed.get(), candidateRun.result(), activeRun.result(),
                    clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Backtest {} failed", id, e);
            newTransaction.executeWithoutResult(tx -> backtests.failed(id, e.getMessage(), clock.instant()));
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
