package dev.fairlead.leads;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.persistence.LeadRepository;
import dev.fairlead.leads.persistence.SetAsideRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Storing and reading leads within the viewer's scope, and the intake path every channel shares:
 * validate, find a duplicate, then store (publishing {@link LeadCreated}, which scores and routes the
 * lead in the same transaction), merge, or store flagged. Ownership changes go through {@link LeadOwnership}.
 */
@Service
public class LeadService {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final LeadRepository leads;
    private final LeadOwnership ownership;
    private final LeadScreening screening;
    private final SetAsideRepository setAside;
    private final DuplicateRules duplicateRules;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    LeadService(LeadRepository leads, LeadOwnership ownership, LeadScreening screening, SetAsideRepository setAside,
            DuplicateRules duplicateRules, AuditTrail audit, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.leads = leads;
        this.ownership = ownership;
        this.screening = screening;
        this.setAside = setAside;
        this.duplicateRules = duplicateRules;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Lead get(Viewer viewer, long id) {
        return leads.findVisible(viewer, id).orElseThrow(() -> new NotFoundException("lead", id));
    }

    /** Any lead by id, for modules acting on behalf of the system (routing, scoring, scheduled jobs). */
    @Transactional(readOnly = true)
    public Lead getForSystem(long id) {
        return leads.find(id).orElseThrow(() -> new NotFoundException("lead", id));
    }

    /**
     * {@link #getForSystem}, with the lead's row locked until the caller's transaction ends: for
     * listeners that must not interleave with another change of the same lead.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Lead lockForSystem(long id) {
        return leads.findLocked(id).orElseThrow(() -> new NotFoundException("lead", id));
    }

    @Transactional(readOnly = true)
    public List<Lead> list(Viewer viewer, LeadQuery q) {
        return leads.findVisible(viewer, new LeadRepository.Filter(q.status(), q.ownerRepId(), q.teamId(), q.text(),
                q.pooled(), q.duplicates(), q.size(), q.page() * q.size()));
    }

    /** Duplicates merged into this lead, newest first. */
    @Transactional(readOnly = true)
    public List<LeadMerge> merges(Viewer viewer, long id) {
        get(viewer, id);
        return leads.merges(id).stream()
                .map(m -> new LeadMerge(m.id(), m.leadId(), m.mergedAt(), m.channel(), m.match(), json.readValue(m.incomingJson(), MAP),
                        m.filledFields(), m.behavioursAdded(), m.fromLeadId()))
                .toList();
    }

    /** Converted and lost leads (newest first, at most {@code limit}) with their behaviours: the history scoring learns from. */
    @Transactional(readOnly = true)
    public List<Lead> closedLeads(int limit) {
        return leads.closed(limit);
    }

    /**
     * Validates and stores a new lead, then publishes {@link LeadCreated} so it is scored and routed.
     * Throws {@link InvalidInputException} listing every problem; nothing is stored then.
     */
    @Transactional
    public Lead create(LeadCommand cmd) {
        return store(validated(cmd), null);
    }

    /**
     * The intake path of every channel (REST, webhook, import), in the caller's transaction: validate,
     * look for an open lead with the same phone, e-mail or company and contact, then merge into it or
     * store the lead flagged as its possible duplicate, as the {@link DuplicateRules} (or {@code override})
     * say; with no match, store it. Throws {@link InvalidInputException} for invalid input.
     *
     * <p>A match outside the {@code submitter}'s scope (another team's lead, for a rep or manager) is
     * never merged into: the lead is stored flagged for review by someone who sees both, and the
     * outcome names only the team that owns the existing lead (撞单: "already exists, owned by …"), so
     * nobody learns of or writes into a lead they may not see.
     *
     * @param submitter whose lead this is (the API caller, the person who started an import;
     *        {@link Viewer#system()} for webhooks, which act for the company)
     * @param channel where the lead came from, kept with a merge (e.g. {@code api}, {@code webhook:site}, {@code import:12})
     */
    @Transactional
    public IntakeOutcome intake(Viewer submitter, LeadCommand cmd, DuplicatePolicy override, String channel) {
        LeadScreening.Screened screened = screening.screen(cmd);
        LeadCommand clean = screened.command();
        List<SetAside> aside = screened.setAside();
        String phoneKey = LeadKeys.phone(clean.phone());
        String emailKey = LeadKeys.email(clean.email());
        String companyKey = LeadKeys.company(clean.company());
        List<String> keys = new ArrayList<>();
        if (phoneKey != null) {
            keys.add("phone:" + phoneKey);
        }
        if (emailKey != null) {
            keys.add("email:" + emailKey);
        }
        if (companyKey != null) {
            keys.add("company:" + companyKey);
        }
        leads.lockKeys(keys);
        var match = leads.findDuplicate(phoneKey, emailKey, companyKey, clean.contactName());
        if (match.isEmpty()) {
            return new IntakeOutcome.Created(setAside(store(clean, null), aside, channel), aside);
        }
        var candidate = match.get();
        if (leads.visibleIds(submitter, List.of(candidate.id())).isEmpty()) {
            return new IntakeOutcome.Flagged(setAside(store(clean, candidate.id()), aside, channel), candidate.match(),
                    new IntakeOutcome.OutOfScope(leads.ownerTeamName(candidate.id()).orElse(null)), aside);
        }
        if (duplicateRules.policyFor(candidate.match(), override) == DuplicatePolicy.FLAG) {
            return new IntakeOutcome.Flagged(setAside(store(clean, candidate.id()), aside, channel), candidate.match(), null, aside);
        }
        IntakeOutcome.Merged merged = merge(candidate, clean, channel);
        if (aside.isEmpty()) {
            return merged;
        }
        setAside(merged.lead(), aside, channel);
        return new IntakeOutcome.Merged(merged.lead(), merged.match(), merged.mergeId(), aside);
    }

    /** Keeps what intake set aside from the lead (or the lead it was merged into) for data-quality review, audited. */
    private Lead setAside(Lead lead, List<SetAside> aside, String channel) {
        if (!aside.isEmpty()) {
            setAside.insert(lead.id(), aside, channel == null ? "unknown" : channel, clock.instant());
            audit.record(new Change("SET_ASIDE", "lead", String.valueOf(lead.id()), lead.ownerTeamId(), lead.ownerRepId(), null,
                    Map.of("fields", aside.stream().map(SetAside::field).toList()), "set aside at intake via " + channel));
        }
        return lead;
    }

    /**
     * The intake path of {@link #intake} for a chunk of leads at once (an import), with the same
     * outcome as taking them one after the other in this order, in fewer statements: the advisory
     * locks on every phone, e-mail and company key of the chunk are taken in one statement (sorted,
     * like a single intake takes its own, so a REST intake of the same person waits or is waited
     * for); one lookup loads every open lead sharing a key; duplicates, also among the chunk's own
     * leads, are decided in memory by {@link DuplicateMatcher}; the new leads, their behaviour events
     * and their audit entries are inserted with one statement each; one {@link LeadsCreated} (no
     * {@link LeadCreated} per lead) lets scoring score them together and routing route them together
     * in this transaction, in order, as if one after another (decision 0209); last, the duplicates to merge are merged
     * one by one as {@link #intake} merges them (rare, and each needs the merged lead's row).
     * Throws {@link InvalidInputException} if any command is invalid; nothing is stored then. As in
     * {@link #intake}, a stored lead outside the {@code submitter}'s scope is never merged into.
     *
     * @return one outcome per command, in order
     */
    @Transactional
    public List<BatchOutcome> intakeAll(Viewer submitter, List<LeadCommand> commands, DuplicatePolicy override, String channel) {
        List<LeadScreening.Screened> screened = commands.stream().map(screening::screen).toList();
        List<LeadCommand> clean = screened.stream().map(LeadScreening.Screened::command).toList();
        int n = clean.size();
        List<String> phoneKeys = new ArrayList<>(n);
        List<String> emailKeys = new ArrayList<>(n);
        List<String> companyKeys = new ArrayList<>(n);
        List<String> lockKeys = new ArrayList<>(3 * n);
        for (LeadCommand c : clean) {
            String phone = LeadKeys.phone(c.phone());
            String email = LeadKeys.email(c.email());
            String company = LeadKeys.company(c.company());
            phoneKeys.add(phone);
            emailKeys.add(email);
            companyKeys.add(company);
            if (phone != null) {
                lockKeys.add("phone:" + phone);
            }
            if (email != null) {
                lockKeys.add("email:" + email);
            }
            if (company != null) {
                lockKeys.add("company:" + company);
            }
        }
        leads.lockKeys(lockKeys);
        var keyed = leads.openWithKeys(distinct(phoneKeys), distinct(emailKeys), distinct(companyKeys));
        Set<Long> inScope = leads.visibleIds(submitter, keyed.stream().map(k -> k.id()).toList());
        List<DuplicateMatcher.Candidate> stored = keyed.stream()
                .map(k -> new DuplicateMatcher.Candidate(k.id(), k.phoneKey(), k.emailKey(), k.companyKey(), k.contactName(), k.createdAt(),
                        inScope.contains(k.id())))
                .toList();
        DuplicateMatcher matcher = new DuplicateMatcher(stored, duplicateRules, override);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<Long> ids = leads.nextIds(n);
        List<DuplicateMatcher.Decision> decisions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            decisions.add(matcher.next(ids.get(i), now, phoneKeys.get(i), emailKeys.get(i), companyKeys.get(i),
                    clean.get(i).contactName()));
        }

        List<Long> createdIds = new ArrayList<>();
        List<LeadRepository.NewLead> rows = new ArrayList<>();
        List<Long> behaviourLeads = new ArrayList<>();
        List<Behaviour> behaviours = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        List<Lead> createdLeads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (decisions.get(i) instanceof DuplicateMatcher.Create create) {
                LeadCommand c = clean.get(i);
                long id = ids.get(i);
                LeadRepository.NewLead row = newLead(c, create.duplicateOf(), now);
                createdIds.add(id);
                rows.add(row);
                c.behaviours().forEach(b -> {
                    behaviourLeads.add(id);
                    behaviours.add(b);
                });
                Lead created = fresh(id, c, create.duplicateOf(), now);
                createdLeads.add(created);
                changes.add(Change.created("lead", id, null, null, created));
            }
        }
        leads.insertAll(createdIds, rows);
        leads.addBehavioursAll(behaviourLeads, behaviours);
        // Scoring and routing of the chunk find its new leads without a statement (decision 0211).
        createdLeads.forEach(leads::remember);
        audit.recordAll(changes);
        if (!createdIds.isEmpty()) {
            events.publishEvent(new LeadsCreated(List.copyOf(createdIds), now));
        }

        List<BatchOutcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            DuplicateMatcher.Decision d = decisions.get(i);
            List<SetAside> aside = screened.get(i).setAside();
            if (d instanceof DuplicateMatcher.Create create) {
                outcomes.add(create.duplicateOf() == null
                        ? new BatchOutcome(BatchOutcome.Kind.CREATED, ids.get(i), null, null, null, aside)
                        : new BatchOutcome(BatchOutcome.Kind.FLAGGED, ids.get(i), create.match(), create.duplicateOf(),
                                create.inScope() ? null : new IntakeOutcome.OutOfScope(leads.ownerTeamName(create.duplicateOf()).orElse(null)),
                                aside));
                if (!aside.isEmpty()) {
                    setAside(leads.find(ids.get(i)).orElseThrow(), aside, channel);
                }
            } else {
                DuplicateMatcher.Merge merge = (DuplicateMatcher.Merge) d;
                IntakeOutcome.Merged merged = merge(new LeadRepository.DuplicateCandidate(merge.into(), merge.match()), clean.get(i), channel);
                setAside(merged.lead(), aside, channel);
                outcomes.add(new BatchOutcome(BatchOutcome.Kind.MERGED, merge.into(), merge.match(), null, null, aside));
            }
        }
        return outcomes;
    }

    private static List<String> distinct(List<String> keys) {
        return keys.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** Scores recorded for many leads at once; called by scoring for a chunk of new leads. */
    @Transactional
    public void recordScores(List<Long> leadIds, List<Integer> scores, List<String> grades) {
        leads.setScores(leadIds, scores, grades);
    }

    /** Many leads by id (in that order, unknown ids left out), for modules acting for the system on a chunk of leads. */
    @Transactional(readOnly = true)
    public List<Lead> getAllForSystem(List<Long> ids) {
        return leads.findAll(ids);
    }

    /** Records the lead's rule score; called by scoring while the lead is being created or merged. */
    @Transactional
    public void recordScore(long leadId, int score, String grade) {
        leads.setScore(leadId, score, grade);
    }

    /**
     * A person changes the lead's status (contacted, qualified, converted, lost). The owner rep may, and
     * managers, directors and admins within their scope; finance only reads.
     */
    @Transactional
    public Lead changeStatus(Viewer viewer, long id, LeadStatus status, String reason) {
        Lead lead = get(viewer, id);
        if (viewer.role() == Role.FINANCE || (viewer.isRep() && !Objects.equals(viewer.repId(), lead.ownerRepId()))) {
            throw new ForbiddenException("Only the owner or a manager may change the status of lead " + id);
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (status == null) {
            problems.add(FieldProblem.of("status", "validation.required"));
        }
        if (status != null && !status.isOpen() && (reason == null || reason.isBlank())) {
            problems.add(FieldProblem.of("reason", "lead.status.reasonRequired"));
        }
        Validation.throwIfAny(problems);
        ownership.changeStatus(id, status, reason == null || reason.isBlank() ? null : reason.trim());
        return get(viewer, id);
    }

    /** A person reviewed a lead flagged as a possible duplicate and decided it is a lead of its own. */
    @Transactional
    public Lead keepAsSeparate(Viewer viewer, long id, String reason) {
        Lead lead = get(viewer, id);
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Only managers review duplicates");
        }
        if (lead.duplicateOf() == null) {
            return lead;
        }
        leads.clearDuplicateOf(id);
        audit.record(new Change("NOT_DUPLICATE", "lead", String.valueOf(id), lead.ownerTeamId(), lead.ownerRepId(),
                Map.of("duplicateOf", lead.duplicateOf()), Map.of(), reason == null || reason.isBlank() ? null : reason.trim()));
        return get(viewer, id);
    }

    /**
     * A person reviewed a lead flagged as a possible duplicate and decided it is the lead it was
     * flagged against: it is merged into that lead as an arriving duplicate would be (empty fields
     * filled, new behaviour events added, a merge record naming the flagged lead, audited,
     * {@link LeadMerged} published so the lead is scored again), and the flagged lead is closed as
     * LOST (its owner's open-lead count released), keeping its own history and its mark as a
     * duplicate. Managers, directors and admins, with both leads in their scope.
     *
     * @return the lead merged into, as it is now
     */
    @Transactional
    public Lead mergeFlagged(Viewer viewer, long id, String reason) {
        Lead flagged = get(viewer, id);
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Only managers review duplicates");
        }
        if (flagged.duplicateOf() == null || !flagged.status().isOpen()) {
            throw new dev.fairlead.common.ConflictException("lead.notFlagged",
                    "Lead " + id + " is not an open lead flagged as a possible duplicate");
        }
        long originalId = flagged.duplicateOf();
        get(viewer, originalId);
        // Both rows locked in id order, so two reviews (or a review and an intake merge) cannot deadlock.
        leads.lock(Math.min(id, originalId)).orElseThrow();
        leads.lock(Math.max(id, originalId)).orElseThrow();
        Lead original = leads.find(originalId).orElseThrow();
        flagged = leads.find(id).orElseThrow();
        if (!original.status().isOpen()) {
            throw new dev.fairlead.common.ConflictException("lead.originalClosed",
                    "Lead " + originalId + " is closed; keep lead " + id + " as a separate lead instead");
        }
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        LeadCommand incoming = new LeadCommand(flagged.source(), flagged.company(), flagged.contactName(), flagged.title(),
                flagged.phone(), flagged.email(), flagged.industry(), flagged.companySize(), flagged.provinceCode(),
                flagged.cityCode(), flagged.postalCode(), flagged.productInterest(), flagged.budget(), flagged.behaviours());
        IntakeOutcome.Merged merged = merge(
                new LeadRepository.DuplicateCandidate(originalId, matchBetween(original, flagged)), incoming,
                ("review:" + viewer.username()).substring(0, Math.min(60, 7 + viewer.username().length())));
        leads.setMergeSource(merged.mergeId(), id);
        ownership.changeStatus(id, LeadStatus.LOST, "Merged into lead " + originalId);
        audit.record(new Change("MERGED_INTO", "lead", String.valueOf(id), flagged.ownerTeamId(), flagged.ownerRepId(),
                Map.of("duplicateOf", originalId), Map.of("mergedInto", originalId, "mergeId", merged.mergeId()), why));
        return get(viewer, originalId);
    }

    /** The lead a flagged lead was merged into from the review screen, if it was. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> mergedInto(Viewer viewer, long id) {
        get(viewer, id);
        return leads.mergedInto(id);
    }

    private static DuplicateMatch matchBetween(Lead original, Lead flagged) {
        String phone = LeadKeys.phone(flagged.phone());
        if (phone != null && phone.equals(LeadKeys.phone(original.phone()))) {
            return DuplicateMatch.PHONE;
        }
        String email = LeadKeys.email(flagged.email());
        if (email != null && email.equals(LeadKeys.email(original.email()))) {
            return DuplicateMatch.EMAIL;
        }
        return DuplicateMatch.COMPANY_CONTACT;
    }

    /** Change history of a lead (audit entries), newest first. */
    @Transactional(readOnly = true)
    public List<dev.fairlead.audit.AuditEntry> history(Viewer viewer, long id) {
        get(viewer, id);
        return audit.search(Viewer.system(), AuditFilter.forEntity("lead", id)).items();
    }

    /** Checks every field; returns the command with province and city in canonical six-digit form. */
    public LeadCommand validated(LeadCommand cmd) {
        return screening.validated(cmd);
    }

    /**
     * The intake check without storing: the lead as intake would store it and what it would set
     * aside, or {@link InvalidInputException} when intake would refuse it (for channels that sort
     * out refused items before a chunk is stored).
     */
    public LeadScreening.Screened screen(LeadCommand cmd) {
        return screening.screen(cmd);
    }

    private Lead store(LeadCommand clean, Long duplicateOf) {
        LeadRepository.NewLead row = newLead(clean, duplicateOf);
        long id = leads.insert(row);
        leads.addBehaviours(id, clean.behaviours());
        Lead created = fresh(id, clean, duplicateOf, row.createdAt());
        // Scoring, routing and the read below find the new lead without a statement (decision 0211).
        leads.remember(created);
        audit.record(Change.created("lead", id, null, null, created));
        events.publishEvent(new LeadCreated(id, created.createdAt()));
        // Listeners (scoring, routing) ran in this transaction: read the lead as they left it.
        return leads.find(id).orElseThrow();
    }

    private IntakeOutcome.Merged merge(LeadRepository.DuplicateCandidate candidate, LeadCommand incoming, String channel) {
        leads.lock(candidate.id()).orElseThrow();
        Lead before = leads.find(candidate.id()).orElseThrow();
        List<String> filled = filledFields(before, incoming);
        List<Behaviour> added = incoming.behaviours().stream()
                .filter(b -> before.behaviours().stream().noneMatch(e -> e.kind() == b.kind() && e.occurredAt().equals(b.occurredAt())))
                .toList();
        if (!filled.isEmpty()) {
            leads.fillEmpty(before.id(), newLead(incoming, null));
        }
        leads.addBehaviours(before.id(), added);
        Instant now = clock.instant();
        long mergeId = leads.insertMerge(before.id(), now, channel == null ? "unknown" : channel, candidate.match(),
                json.writeValueAsString(incoming), filled, added.size());
        Lead after = leads.find(before.id()).orElseThrow();
        audit.record(new Change("MERGE", "lead", String.valueOf(before.id()), before.ownerTeamId(), before.ownerRepId(),
                snapshot(before, filled), merged(after, filled, added.size(), mergeId),
                "duplicate by " + candidate.match().name().toLowerCase() + " via " + channel));
        events.publishEvent(new LeadMerged(before.id(), mergeId, now));
        return new IntakeOutcome.Merged(leads.find(before.id()).orElseThrow(), candidate.match(), mergeId, List.of());
    }

    private static List<String> filledFields(Lead existing, LeadCommand incoming) {
        List<String> filled = new ArrayList<>();
        LeadFields.NAMES.forEach(name -> {
            if (LeadFields.of(existing, name) == null && LeadFields.of(incoming, name) != null) {
                filled.add(name);
            }
        });
        return filled;
    }

    private static Map<String, Object> snapshot(Lead lead, List<String> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        fields.forEach(f -> m.put(f, null));
        m.put("behaviours", lead.behaviours().size());
        return m;
    }

    private static Map<String, Object> merged(Lead lead, List<String> fields, int behavioursAdded, long mergeId) {
        Map<String, Object> m = new LinkedHashMap<>();
        fields.forEach(f -> m.put(f, LeadFields.of(lead, f)));
        m.put("behaviours", lead.behaviours().size());
        m.put("behavioursAdded", behavioursAdded);
        m.put("mergeId", mergeId);
        return m;
    }

    /** The lead as it is stored, before scoring and routing: what the audit trail records as created. */
    private static Lead fresh(long id, LeadCommand clean, Long duplicateOf, Instant createdAt) {
        return new Lead(id, clean.source(), clean.company(), clean.contactName(), clean.title(), clean.phone(),
                clean.email(), clean.industry(), clean.companySize(), clean.provinceCode(), clean.cityCode(),
                clean.postalCode(), clean.productInterest(), clean.budget(), LeadStatus.NEW, null, null, null, null, null,
                null, false, duplicateOf, createdAt, null, null, null, clean.behaviours(), 0);
    }

    private LeadRepository.NewLead newLead(LeadCommand clean, Long duplicateOf) {
        return newLead(clean, duplicateOf, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    static LeadRepository.NewLead newLead(LeadCommand clean, Long duplicateOf, Instant createdAt) {
        return new LeadRepository.NewLead(clean.source(), clean.company(), clean.contactName(), clean.title(), clean.phone(),
                clean.email(), clean.industry(), clean.companySize(), clean.provinceCode(), clean.cityCode(),
                clean.postalCode(), clean.productInterest(), clean.budget(), LeadKeys.phone(clean.phone()),
                LeadKeys.email(clean.email()), LeadKeys.company(clean.company()), createdAt, duplicateOf);
    }
}
