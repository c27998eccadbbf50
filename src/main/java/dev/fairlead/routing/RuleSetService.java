package dev.fairlead.routing;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import dev.fairlead.routing.domain.Operator;
import dev.fairlead.routing.persistence.RuleSetRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned assignment rules: drafts are edited freely, activation makes a draft the one active
 * version (retiring the previous one), and activating a retired version is a rollback. Every
 * change is audited; rule sets are never deleted.
 */
@Service
public class RuleSetService {

    private final RuleSetRepository ruleSets;
    private final ActiveRuleSet active;
    private final TeamService teams;
    private final RepService reps;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;

    RuleSetService(RuleSetRepository ruleSets, ActiveRuleSet active, TeamService teams, RepService reps, AuditTrail audit,
            Validator validator, Clock clock) {
        this.ruleSets = ruleSets;
        this.active = active;
        this.teams = teams;
        this.reps = reps;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RuleSetView> list() {
        return ruleSets.findAll();
    }

    @Transactional(readOnly = true)
    public RuleSetView get(long id) {
        return ruleSets.find(id).orElseThrow(() -> new NotFoundException("ruleSet", id));
    }

    @Transactional(readOnly = true)
    public RuleSetView active() {
        return ruleSets.activeId().flatMap(ruleSets::find).orElseThrow(() -> new NotFoundException("ruleSet", "active"));
    }

    /** A new draft copying {@code basedOn} (the active version when null). */
    @Transactional
    public RuleSetView createDraft(Viewer viewer, Long basedOn, String name) {
        RoutingService.requireManager(viewer);
        RuleSetView base = basedOn == null ? ruleSets.activeId().flatMap(ruleSets::find).orElse(null) : get(basedOn);
        List<RuleDefinition> rules = base == null ? List.of() : base.rules();
        String draftName = name == null || name.isBlank() ? (base == null ? "Draft" : base.name()) : name.trim();
        long id = ruleSets.insertDraft(draftName, base == null ? null : base.id(), rules, viewer.username(), clock.instant());
        RuleSetView created = get(id);
        audit.record(Change.created("ruleSet", id, null, null, created));
        return created;
    }

    /** Replaces a draft's name and rules after checking every rule; all problems are reported at once. */
    @Transactional
    public RuleSetView updateDraft(Viewer viewer, long id, RuleSetCommand cmd) {
        RoutingService.requireManager(viewer);
        RuleSetView before = get(id);
        if (before.status() != RuleSetStatus.DRAFT) {
            throw new ConflictException("routing.ruleSet.notDraft", "Rule set v" + before.version() + " is " + before.status()
                    + "; only drafts can be edited");
        }
        List<RuleDefinition> rules = validated(viewer, cmd, before.rules());
        if (!ruleSets.updateDraft(id, cmd.name().trim(), rules, cmd.rowVersion())) {
            throw new ConflictException("stale", "Rule set " + id + " was changed by someone else; reload and try again");
        }
        RuleSetView after = get(id);
        audit.record(Change.updated("ruleSet", id, null, null, before, after));
        return after;
    }

    /**
     * Makes this version the active one. From a draft that is an activation; from a retired version a
     * rollback. The previous active version is retired. Every node picks it up at its next lead. The
     * active rule set routes every team's leads, so only directors and admins activate or roll back;
     * managers write drafts and backtest them.
     */
    @Transactional
    public RuleSetView activate(Viewer viewer, long id, String reason) {
        if (!viewer.role().setsCompanyRules()) {
            throw new ForbiddenException("Only directors and admins activate or roll back rule sets: the active rule set routes"
                    + " every team's leads. Managers write drafts and backtest them.");
        }
        RuleSetView current = ruleSets.lockActive().orElse(null);
        RuleSetView target = get(id);
        if (target.status() == RuleSetStatus.ACTIVE) {
            return target;
        }
        if (target.rules().isEmpty()) {
            throw new ConflictException("routing.ruleSet.empty", "Rule set v" + target.version() + " has no rules");
        }
        if (current != null) {
            ruleSets.setStatus(current.id(), RuleSetStatus.RETIRED, viewer.username(), clock.instant());
        }
        ruleSets.setStatus(id, RuleSetStatus.ACTIVE, viewer.username(), clock.instant());
        active.invalidate();
        RuleSetView after = get(id);
        String action = target.status() == RuleSetStatus.RETIRED ? "ROLLBACK" : "ACTIVATE";
        audit.record(new Change(action, "ruleSet", String.valueOf(id), null, null,
                current == null ? null : Map.of("activeVersion", current.version(), "activeId", current.id()),
                Map.of("activeVersion", after.version(), "activeId", after.id()), reason));
        return after;
    }

    /**
     * Every rule checked; a rule may keep a team or rep outside the viewer's scope that the draft
     * already had (a manager edits the company's rule set, whose other regions' rules she cannot see
     * into), but may not point at one anew.
     */
    private List<RuleDefinition> validated(Viewer viewer, RuleSetCommand cmd, List<RuleDefinition> before) {
        Set<Long> keptTeams = new HashSet<>();
        Set<Long> keptReps = new HashSet<>();
        for (RuleDefinition r : before) {
            if (r.teamId() != null) {
                keptTeams.add(r.teamId());
            }
            keptReps.addAll(r.repIds());
        }
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        List<RuleDefinition> rules = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < cmd.rules().size(); i++) {
            RuleDefinition rule = cmd.rules().get(i);
            if (rule == null) {
                continue;
            }
            String at = "rules[" + i + "].";
            checkTarget(viewer, rule, at, problems, keptTeams, keptReps);
            checkConditions(rule, at, problems);
            checkStrategy(rule, at, problems);
            String key = rule.key() == null ? "r-" + UUID.randomUUID().toString().substring(0, 8) : rule.key();
            if (!keys.add(key)) {
                problems.add(FieldProblem.of(at + "key", "routing.rule.keyTaken", key));
            }
            rules.add(rule.withKey(key));
        }
        Validation.throwIfAny(problems);
        return rules;
    }

    private void checkTarget(Viewer viewer, RuleDefinition rule, String at, List<FieldProblem> problems, Set<Long> keptTeams,
            Set<Long> keptReps) {
        if (rule.targetKind() == TargetKind.TEAM) {
            if (rule.teamId() == null) {
                problems.add(FieldProblem.of(at + "teamId", "validation.required"));
            } else if (!exists(() -> teams.get(keptTeams.contains(rule.teamId()) ? Viewer.system() : viewer, rule.teamId()))) {
                problems.add(FieldProblem.of(at + "teamId", "routing.team.unknown", rule.teamId()));
            }
        } else if (rule.targetKind() == TargetKind.REPS) {
            if (rule.repIds().isEmpty()) {
                problems.add(FieldProblem.of(at + "repIds", "validation.required"));
            }
            for (Long repId : rule.repIds()) {
                if (repId == null || !exists(() -> reps.get(keptReps.contains(repId) ? Viewer.system() : viewer, repId))) {
                    problems.add(FieldProblem.of(at + "repIds", "routing.rep.unknown", repId));
                }
            }
        }
    }

    private static void checkConditions(RuleDefinition rule, String at, List<FieldProblem> problems) {
        for (int c = 0; c < rule.conditions().size(); c++) {
            RuleCondition condition = rule.conditions().get(c);
            if (condition == null || condition.operator() == null || condition.field() == null) {
                continue;
            }
            String field = at + "conditions[" + c + "].";
            if (condition.operator() == Operator.RANGE) {
                if (condition.min() == null && condition.max() == null) {
                    problems.add(FieldProblem.of(field + "min", "routing.condition.rangeNeedsBound"));
                } else if (condition.min() != null && condition.max() != null && condition.min() > condition.max()) {
                    problems.add(FieldProblem.of(field + "max", "routing.condition.rangeReversed"));
                }
            } else if (condition.operator() != Operator.MISSING && condition.values().isEmpty()) {
                problems.add(FieldProblem.of(field + "values", "validation.required"));
            } else if (condition.operator() == Operator.EQUALS && condition.values().size() > 1) {
                problems.add(FieldProblem.of(field + "values", "routing.condition.oneValue"));
            }
        }
    }

    private static void checkStrategy(RuleDefinition rule, String at, List<FieldProblem> problems) {
        if (rule.decay() < 0 || rule.decay() > 1) {
            problems.add(FieldProblem.of(at + "decay", "routing.rule.decayRange"));
        }
        if (rule.guardMultiple() < 1) {
            problems.add(FieldProblem.of(at + "guardMultiple", "routing.rule.guardAtLeastOne"));
        }
        if (rule.workloadPointsPerLead() <= 0) {
            problems.add(FieldProblem.of(at + "workloadPointsPerLead", "validation.notBelow", 0));
        }
        for (Map.Entry<String, String> e : rule.tierGroups().entrySet()) {
            if (!Set.of("A", "B", "C", "D").contains(e.getKey().trim().toUpperCase(java.util.Locale.ROOT))) {
                problems.add(FieldProblem.of(at + "tierGroups", "routing.rule.gradeUnknown", e.getKey()));
                continue;
            }
            try {
                if (e.getValue() != null) {
                    RuleCompiler.parseTiers(e.getValue());
                }
            } catch (IllegalArgumentException ex) {
                problems.add(FieldProblem.of(at + "tierGroups." + e.getKey(), "routing.rule.tierUnknown", e.getValue()));
            }
        }
    }

    private static boolean exists(Runnable lookup) {
        try {
            lookup.run();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
