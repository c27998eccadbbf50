package dev.fairlead.insights;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.insights.domain.AlertKind;
import dev.fairlead.insights.persistence.AlertRepository;
import dev.fairlead.org.TeamService;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alert rules (managers for their teams, directors and admins for any) and the alerts they raised, as
 * the viewer's scope shows them. Rule changes are audited. Reps and finance neither see nor set alerts.
 */
@Service
public class Alerts {

    /** The longest snooze. */
    static final Duration MAX_SNOOZE = Duration.ofDays(30);

    private final AlertRepository repository;
    private final TeamService teams;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;

    Alerts(AlertRepository repository, TeamService teams, AuditTrail audit, Validator validator, Clock clock) {
        this.repository = repository;
        this.teams = teams;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AlertRule> rules(Viewer viewer, Long teamId) {
        requireManager(viewer);
        if (teamId != null) {
            teams.get(viewer, teamId);
        }
        return repository.rules(viewer, teamId);
    }

    @Transactional(readOnly = true)
    public AlertRule rule(Viewer viewer, long id) {
        requireManager(viewer);
        return repository.rule(viewer, id).orElseThrow(() -> new NotFoundException("alert rule", id));
    }

    @Transactional
    public AlertRule create(Viewer viewer, AlertRuleCommand cmd) {
        requireManager(viewer);
        validate(cmd);
        teams.get(viewer, cmd.teamId());
        long id = repository.insertRule(cmd.teamId(), cmd.kind(), cmd.threshold(), threshold2(cmd), cmd.quietFrom(), cmd.quietUntil(),
                cmd.enabled() == null || cmd.enabled(), clock.instant());
        AlertRule created = repository.rule(viewer, id).orElseThrow();
        audit.record(Change.created("alert-rule", id, cmd.teamId(), null, created));
        return created;
    }

    /** Changes thresholds, quiet hours or whether the rule is on; its team and kind stay. */
    @Transactional
    public AlertRule update(Viewer viewer, long id, AlertRuleCommand cmd) {
        AlertRule before = rule(viewer, id);
        validate(cmd);
        if (!cmd.teamId().equals(before.teamId()) || cmd.kind() != before.kind()) {
            throw InvalidInputException.of("kind", "insights.rule.fixed");
        }
        repository.updateRule(id, cmd.threshold(), threshold2(cmd), cmd.quietFrom(), cmd.quietUntil(),
                cmd.enabled() == null || cmd.enabled());
        AlertRule after = repository.rule(viewer, id).orElseThrow();
        audit.record(Change.updated("alert-rule", id, before.teamId(), null, before, after));
        return after;
    }

    @Transactional
    public void delete(Viewer viewer, long id) {
        AlertRule before = rule(viewer, id);
        repository.deleteRule(id);
        audit.record(new Change("DELETE", "alert-rule", String.valueOf(id), before.teamId(), null, before, null, null));
    }

    /** Open alerts (history: closed ones too), newest first. */
    @Transactional(readOnly = true)
    public List<Alert> list(Viewer viewer, Long teamId, boolean history) {
        requireManager(viewer);
        if (teamId != null) {
            teams.get(viewer, teamId);
        }
        return repository.alerts(viewer, teamId, history, history ? 500 : 200);
    }

    @Transactional(readOnly = true)
    public Alert get(Viewer viewer, long id) {
        requireManager(viewer);
        return repository.alert(viewer, id).orElseThrow(() -> new NotFoundException("alert", id));
    }

    @Transactional
    public Alert acknowledge(Viewer viewer, long id) {
        get(viewer, id);
        if (!repository.acknowledge(id, viewer.username(), clock.instant())) {
            throw InvalidInputException.of("id", "insights.alert.closed");
        }
        return get(viewer, id);
    }

    /** Hides the alert from the open list until {@code until}; if it still holds then, it is sent again. */
    @Transactional
    public Alert snooze(Viewer viewer, long id, Instant until) {
        get(viewer, id);
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now) || until.isAfter(now.plus(MAX_SNOOZE))) {
            throw InvalidInputException.of("until", "insights.alert.snooze", MAX_SNOOZE.toDays());
        }
        if (!repository.snooze(id, until)) {
            throw InvalidInputException.of("id", "insights.alert.closed");
        }
        return get(viewer, id);
    }

    private void validate(AlertRuleCommand cmd) {
        List<dev.fairlead.common.FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if ((cmd.quietFrom() == null) != (cmd.quietUntil() == null)) {
            problems.add(dev.fairlead.common.FieldProblem.of("quietUntil", "insights.rule.quietBoth"));
        }
        if (cmd.kind() != null && cmd.threshold() != null && share(cmd.kind()) && cmd.threshold().compareTo(BigDecimal.TEN) > 0) {
            problems.add(dev.fairlead.common.FieldProblem.of("threshold", "insights.rule.share"));
        }
        if (cmd.kind() != null) {
            problems.addAll(thresholdsInRange(cmd));
        }
        Validation.throwIfAny(problems);
    }

    /**
     * What each kind's thresholds can mean: a count of leads or breaches is a whole number from 1, a
     * number of days a whole number from 1 to 365, a share of the period gone more than 0 and at most 1.
     * Zero would fire for every rep at once, and a fraction of a day is not a setting anyone means.
     */
    private static List<dev.fairlead.common.FieldProblem> thresholdsInRange(AlertRuleCommand cmd) {
        List<dev.fairlead.common.FieldProblem> problems = new ArrayList<>();
        boolean counts = cmd.kind() == AlertKind.AGING_LEADS || cmd.kind() == AlertKind.SLA_BREACHES || cmd.kind() == AlertKind.POOL_GROWTH;
        if (counts && cmd.threshold() != null && !wholeIn(cmd.threshold(), 1, 100_000)) {
            problems.add(dev.fairlead.common.FieldProblem.of("threshold", "insights.rule.count"));
        }
        boolean days = cmd.kind() == AlertKind.AGING_LEADS || cmd.kind() == AlertKind.SLA_BREACHES;
        if (days && cmd.threshold2() != null && !wholeIn(cmd.threshold2(), 1, 365)) {
            problems.add(dev.fairlead.common.FieldProblem.of("threshold2", "insights.rule.days"));
        }
        if (cmd.kind() == AlertKind.BEHIND_PACE && cmd.threshold2() != null
                && (cmd.threshold2().signum() <= 0 || cmd.threshold2().compareTo(BigDecimal.ONE) > 0)) {
            problems.add(dev.fairlead.common.FieldProblem.of("threshold2", "insights.rule.elapsed"));
        }
        return problems;
    }

    private static boolean wholeIn(BigDecimal value, int min, int max) {
        return value.stripTrailingZeros().scale() <= 0 && value.compareTo(BigDecimal.valueOf(min)) >= 0
                && value.compareTo(BigDecimal.valueOf(max)) <= 0;
    }

    private static boolean share(AlertKind kind) {
        return kind == AlertKind.BEHIND_PACE || kind == AlertKind.ACTIVITY_DROP || kind == AlertKind.OVERLOAD;
    }

    /** Defaults: behind pace from 30% of the period gone, aging from 7 days untouched, SLA breaches over 7 days. */
    static BigDecimal threshold2(AlertRuleCommand cmd) {
        if (cmd.threshold2() != null) {
            return cmd.threshold2();
        }
        return switch (cmd.kind()) {
            case BEHIND_PACE -> new BigDecimal("0.3");
            case AGING_LEADS, SLA_BREACHES -> BigDecimal.valueOf(7);
            default -> BigDecimal.ZERO;
        };
    }

    private static void requireManager(Viewer viewer) {
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Alerts are for managers, directors and admins");
        }
    }
}
