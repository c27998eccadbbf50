package dev.fairlead.goals;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.goals.persistence.GoalRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Market potential per territory, entered by directors and admins and used by quota suggestions.
 * A list is checked whole before anything is written: one bad row saves none.
 */
@Service
public class TerritoryPotentialService {

    private static final Set<String> KINDS = Set.of("PROVINCE", "CITY", "POSTAL_PREFIX");

    private final GoalRepository goals;
    private final AuditTrail audit;
    private final Clock clock;

    TerritoryPotentialService(GoalRepository goals, AuditTrail audit, Clock clock) {
        this.goals = goals;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void set(Viewer viewer, TerritoryPotential potential) {
        setAll(viewer, List.of(potential), false);
    }

    /** Sets every potential in the list, or none: problems are named {@code [i].field}. */
    @Transactional
    public Map<String, BigDecimal> setAll(Viewer viewer, List<TerritoryPotential> potentials) {
        setAll(viewer, potentials, true);
        return goals.potentials();
    }

    @Transactional(readOnly = true)
    public Map<String, BigDecimal> potentials() {
        return goals.potentials();
    }

    private void setAll(Viewer viewer, List<TerritoryPotential> potentials, boolean indexed) {
        if (!viewer.role().seesEverything() || viewer.role() == Role.FINANCE) {
            throw new ForbiddenException("Only directors and admins enter territory potential");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (potentials == null || potentials.isEmpty()) {
            problems.add(FieldProblem.of("body", "validation.required"));
        } else {
            for (int i = 0; i < potentials.size(); i++) {
                problems.addAll(check(potentials.get(i), indexed ? "[" + i + "]." : ""));
            }
        }
        Validation.throwIfAny(problems);
        Map<String, BigDecimal> before = goals.potentials();
        for (TerritoryPotential p : potentials) {
            String code = p.code().trim();
            BigDecimal old = before.get(p.kind() + ":" + code);
            goals.setPotential(p.kind(), code, p.potential().setScale(2, RoundingMode.HALF_UP), clock.instant());
            audit.record(new Change(old == null ? "CREATE" : "UPDATE", "territory_potential", p.kind() + ":" + code, null, null,
                    old == null ? null : Map.of("potential", old), Map.of("potential", p.potential()), null));
        }
    }

    private static List<FieldProblem> check(TerritoryPotential p, String at) {
        if (p == null) {
            return List.of(FieldProblem.of(at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "validation.required"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (p.kind() == null || !KINDS.contains(p.kind())) {
            problems.add(p.kind() == null ? FieldProblem.of(at + "kind", "validation.required")
                    : FieldProblem.of(at + "kind", "validation.enum", p.kind(), "PROVINCE, CITY, POSTAL_PREFIX"));
        }
        if (p.code() == null || !p.code().trim().matches("\\d{1,6}")) {
            problems.add(FieldProblem.of(at + "code", "goal.potential.code"));
        }
        if (p.potential() == null || p.potential().signum() < 0) {
            problems.add(FieldProblem.of(at + "potential", "validation.notBelow", 0));
        } else if (p.potential().compareTo(new BigDecimal("1e14")) >= 0) {
            problems.add(FieldProblem.of(at + "potential", "validation.lessThan", "100000000000000"));
        }
        return problems;
    }
}
