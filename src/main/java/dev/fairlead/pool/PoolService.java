package dev.fairlead.pool;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.pool.persistence.PoolLeadRepository;
import dev.fairlead.pool.persistence.PoolRepository;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pools, their settings and their leads as a viewer may see them. Directors and admins set pools up. */
@Service
public class PoolService {

    private final PoolRepository pools;
    private final PoolLeadRepository poolLeads;
    private final dev.fairlead.leads.LeadService leads;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;

    PoolService(PoolRepository pools, PoolLeadRepository poolLeads, dev.fairlead.leads.LeadService leads, AuditTrail audit,
            Validator validator, Clock clock) {
        this.pools = pools;
        this.poolLeads = poolLeads;
        this.leads = leads;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Pool> list(Viewer viewer) {
        return pools.findVisible(viewer, false);
    }

    /** Every pool, inactive ones too, without scope: for labels such as a routing rule's target, which name any pool. */
    @Transactional(readOnly = true)
    public List<Pool> listForLabels() {
        return pools.findVisible(Viewer.system(), true);
    }

    @Transactional(readOnly = true)
    public Pool get(Viewer viewer, long id) {
        return pools.findVisible(viewer, id).orElseThrow(() -> new NotFoundException("pool", id));
    }

    @Transactional(readOnly = true)
    public List<PoolLead> leads(Viewer viewer, long poolId, PoolLeadQuery query) {
        get(viewer, poolId);
        return poolLeads.leads(viewer, poolId, query, clock.instant());
    }

    /** How many leads {@link #leads} gives for the query (page and size aside); 404 outside scope. */
    @Transactional(readOnly = true)
    public long countLeads(Viewer viewer, long poolId, PoolLeadQuery query, java.time.Instant now) {
        get(viewer, poolId);
        return poolLeads.count(viewer, poolId, query, now);
    }

    /** The leads of {@link #leads} one at a time from a cursor, at most {@code limit}. */
    @Transactional(readOnly = true)
    public void forEachLead(Viewer viewer, long poolId, PoolLeadQuery query, java.time.Instant now, int limit,
            java.util.function.Consumer<? super PoolLead> each) {
        poolLeads.forEach(viewer, poolId, query, now, limit, each);
    }

    /** Whole days waited from which each bar of the pool's age histogram counts: 0, 1–2, 3–6, 7–13, 14–29, 30 and more. */
    public static final List<Integer> AGE_BUCKETS = List.of(0, 1, 3, 7, 14, 30);

    /** Leads waiting in a pool, by how long they have waited: {@code fromDays} up to {@code toDays} (exclusive, null = no end). */
    public record AgeBucket(int fromDays, Integer toDays, int leads) {}

    /** The pool's leads counted by days waited, one bucket per {@link #AGE_BUCKETS} entry (empty ones too); 404 outside scope. */
    @Transactional(readOnly = true)
    public List<AgeBucket> ageHistogram(Viewer viewer, long poolId) {
        get(viewer, poolId);
        java.util.Map<Long, Integer> days = poolLeads.daysInPool(viewer, poolId, clock.instant());
        List<AgeBucket> buckets = new ArrayList<>();
        for (int i = 0; i < AGE_BUCKETS.size(); i++) {
            int from = AGE_BUCKETS.get(i);
            Integer to = i + 1 < AGE_BUCKETS.size() ? AGE_BUCKETS.get(i + 1) : null;
            int leads = days.entrySet().stream().filter(e -> e.getKey() >= from && (to == null || e.getKey() < to))
                    .mapToInt(java.util.Map.Entry::getValue).sum();
            buckets.add(new AgeBucket(from, to, leads));
        }
        return buckets;
    }

    /** A lead waiting in a pool the viewer can see, or 404. */
    @Transactional(readOnly = true)
    public PoolLead pooledLead(Viewer viewer, long leadId) {
        PoolLead lead = poolLeads.pooledLead(leadId, clock.instant()).orElseThrow(() -> new NotFoundException("lead", leadId));
        if (!pools.visible(viewer, lead.poolId())) {
            throw new NotFoundException("lead", leadId);
        }
        return lead;
    }

    /**
     * Every change of hands of the lead, newest first. The caller checks that the viewer may see
     * the lead (its owner's scope, or a pool they can see).
     */
    @Transactional(readOnly = true)
    public List<LeadMove> history(long leadId) {
        return poolLeads.moves(leadId);
    }

    /** The lead's history for a viewer who can see the lead: through its owner's scope or in a pool they can see. */
    @Transactional(readOnly = true)
    public List<LeadMove> history(Viewer viewer, long leadId) {
        try {
            leads.get(viewer, leadId);
        } catch (NotFoundException notInScope) {
            pooledLead(viewer, leadId);
        }
        return poolLeads.moves(leadId);
    }

    /** The pool a lead of this team goes to when it leaves its owner (the default pool if none is nearer). */
    @Transactional(readOnly = true)
    public long poolForTeam(long teamId) {
        return pools.poolForTeam(teamId);
    }

    @Transactional
    public Pool create(Viewer viewer, PoolCommand cmd) {
        requireSetUpRole(viewer);
        validate(cmd, null);
        long id = pools.insert(cmd);
        Pool created = pools.find(id).orElseThrow();
        audit.record(Change.created("pool", id, null, null, created));
        return created;
    }

    @Transactional
    public Pool update(Viewer viewer, long id, PoolCommand cmd) {
        requireSetUpRole(viewer);
        Pool before = pools.find(id).orElseThrow(() -> new NotFoundException("pool", id));
        validate(cmd, id);
        if (!pools.update(id, cmd)) {
            throw new ConflictException("stale", "Pool " + id + " was changed by someone else; reload and try again");
        }
        Pool after = pools.find(id).orElseThrow();
        audit.record(Change.updated("pool", id, null, null, before, after));
        return after;
    }

    private void validate(PoolCommand cmd, Long id) {
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if (cmd.name() != null && !cmd.name().isBlank() && pools.nameTaken(cmd.name(), id)) {
            problems.add(FieldProblem.of("name", "pool.name.taken"));
        }
        Set<Long> known = new HashSet<>(pools.existingTeams(cmd.teamIds()));
        for (int i = 0; i < cmd.teamIds().size(); i++) {
            if (cmd.teamIds().get(i) != null && !known.contains(cmd.teamIds().get(i))) {
                problems.add(FieldProblem.of("teamIds[" + i + "]", "pool.team.unknown", cmd.teamIds().get(i)));
            }
        }
        Set<String> grades = new HashSet<>();
        for (int i = 0; i < cmd.rules().size(); i++) {
            RecoveryRule rule = cmd.rules().get(i);
            if (rule == null) {
                continue;
            }
            if (rule.noFollowUpDays() == null && rule.noDealDays() == null) {
                problems.add(FieldProblem.of("rules[" + i + "].noFollowUpDays", "pool.rule.empty"));
            }
            Integer shortest = rule.noFollowUpDays() == null ? rule.noDealDays()
                    : rule.noDealDays() == null ? rule.noFollowUpDays() : Math.min(rule.noFollowUpDays(), rule.noDealDays());
            if (shortest != null && rule.warnDays() >= shortest) {
                problems.add(FieldProblem.of("rules[" + i + "].warnDays", "pool.rule.warnTooLate", shortest));
            }
            if (!grades.add(rule.grade() == null ? "*" : rule.grade())) {
                problems.add(FieldProblem.of("rules[" + i + "].grade", "pool.rule.duplicateGrade"));
            }
        }
        Validation.throwIfAny(problems);
    }

    static void requireSetUpRole(Viewer viewer) {
        if (!viewer.role().setsCompanyRules()) {
            throw new ForbiddenException("Only directors and administrators set up pools");
        }
    }
}
