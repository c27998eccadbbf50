package dev.fairlead.deals;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.Money;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.deals.persistence.DealRepository;
import dev.fairlead.deals.persistence.PipelineRepository;
import dev.fairlead.leads.Customer;
import dev.fairlead.leads.CustomerService;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals within the viewer's scope: create, convert a lead, edit, move through the owner team's
 * pipeline, win (revenue on a date) or lose (with a reason). Every change is audited and publishes
 * {@link DealOpened}, {@link DealStageChanged}, {@link DealWon} or {@link DealLost}.
 */
@Service
public class DealService {

    private final DealRepository deals;
    private final PipelineRepository pipelines;
    private final LeadService leads;
    private final LeadOwnership ownership;
    private final CustomerService customers;
    private final RepService reps;
    private final TeamService teams;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Validator validator;
    private final Clock clock;
    private final DealsProperties properties;

    DealService(DealRepository deals, PipelineRepository pipelines, LeadService leads, LeadOwnership ownership,
            CustomerService customers, RepService reps, TeamService teams, AuditTrail audit,
            ApplicationEventPublisher events, Validator validator, Clock clock, DealsProperties properties) {
        this.deals = deals;
        this.pipelines = pipelines;
        this.leads = leads;
        this.ownership = ownership;
        this.customers = customers;
        this.reps = reps;
        this.teams = teams;
        this.audit = audit;
        this.events = events;
        this.validator = validator;
        this.clock = clock;
        this.properties = properties;
    }

    /** The company's reporting currency (new deals default to it; revenue goals count it). */
    public String currency() {
        return properties.currency();
    }

    @Transactional(readOnly = true)
    public Deal get(Viewer viewer, long id) {
        return deals.findVisible(viewer, id).orElseThrow(() -> new NotFoundException("deal", id));
    }

    @Transactional(readOnly = true)
    public List<Deal> list(Viewer viewer, DealQuery query) {
        return deals.findVisible(viewer, query);
    }

    /** How many deals {@link #list} gives for the query (page and size aside): an export counts before it streams. */
    @Transactional(readOnly = true)
    public long count(Viewer viewer, DealQuery query) {
        return deals.countVisible(viewer, query);
    }

    /** The deals of {@link #list} one at a time from a cursor, at most {@code limit}, newest first. */
    @Transactional(readOnly = true)
    public void forEach(Viewer viewer, DealQuery query, int limit, java.util.function.Consumer<? super Deal> each) {
        deals.forEachVisible(viewer, query, limit, each);
    }

    /** The customer's deals within the viewer's scope, newest first (the customer itself: {@link CustomerService#get}). */
    @Transactional(readOnly = true)
    public List<Deal> ofCustomer(Viewer viewer, long customerId) {
        return deals.findVisibleOfCustomer(viewer, customerId);
    }

    /** True when the lead has a deal that is neither won nor lost (pool recovery exempts such leads). */
    @Transactional(readOnly = true)
    public boolean hasOpenDeal(long leadId) {
        return deals.hasOpenDeal(leadId);
    }

    /** Of these leads, the ones with an open deal: one query for a whole batch. */
    @Transactional(readOnly = true)
    public Set<Long> leadsWithOpenDeals(Collection<Long> leadIds) {
        return deals.leadsWithOpenDeals(leadIds);
    }

    /** Every stage the deal went through, oldest first. */
    @Transactional(readOnly = true)
    public List<StageVisit> stageHistory(Viewer viewer, long id) {
        get(viewer, id);
        return deals.history(List.of(id)).stream()
                .map(v -> new StageVisit(v.stage(), v.enteredAt(), v.leftAt(), v.actor()))
                .toList();
    }

    /** One stage a deal was in, for the deal's timeline. */
    public record StageVisit(String stage, Instant enteredAt, Instant leftAt, String actor) {}

    @Transactional(readOnly = true)
    public Pipeline pipeline(Long teamId) {
        return pipelines.forTeam(teamId);
    }

    @Transactional
    public Deal create(Viewer viewer, DealCommand cmd) {
        requireSeller(viewer);
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        Rep owner = owner(viewer, cmd.ownerRepId(), problems);
        String currency = currencyOf(cmd.currency(), problems);
        Pipeline pipeline = owner == null ? pipelines.forTeam(null) : pipelines.forTeam(owner.teamId());
        String stage = cmd.stage() == null || cmd.stage().isBlank() ? pipeline.first().code() : cmd.stage().trim();
        if (pipeline.stage(stage).isEmpty()) {
            problems.add(FieldProblem.of("stage", "deal.stage.unknown", stage));
        }
        Lead lead = null;
        if (cmd.leadId() != null) {
            lead = leadOrProblem(viewer, cmd.leadId(), problems);
        }
        if (cmd.customerId() != null) {
            customerOrProblem(viewer, cmd.customerId(), problems);
        }
        Validation.throwIfAny(problems);
        int probability = cmd.probability() != null ? cmd.probability() : pipeline.defaultProbability(stage);
        return open(new DealRepository.NewDeal(cmd.name(), cmd.leadId(), cmd.customerId(), owner.id(), owner.teamId(),
                lead == null ? null : lead.source().name(), new Money(cmd.amount(), currency), stage,
                pipeline.position(stage), probability, cmd.expectedClose(), clock.instant()), "CREATE", null);
    }

    /**
     * Converts a lead: finds or creates its customer, opens a deal owned by the lead's owner linked to
     * lead and customer, and marks the lead CONVERTED (which audits it and frees the owner's open-lead
     * slot). The lead keeps its history; a lead may convert more than once (each time a new deal).
     */
    @Transactional
    public Deal convertLead(Viewer viewer, long leadId, ConvertLeadCommand cmd) {
        requireSeller(viewer);
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        Lead lead = leads.get(viewer, leadId);
        if (lead.ownerRepId() == null) {
            problems.add(FieldProblem.of("leadId", "deal.lead.noOwner"));
        } else if (viewer.isRep() && !lead.ownerRepId().equals(viewer.repId())) {
            throw new NotFoundException("lead", leadId);
        }
        if (lead.status() == LeadStatus.LOST) {
            problems.add(FieldProblem.of("leadId", "deal.lead.lost"));
        }
        String currency = currencyOf(cmd.currency(), problems);
        BigDecimal amount = cmd.amount() != null ? cmd.amount() : lead.budget() != null ? lead.budget() : null;
        if (amount == null) {
            problems.add(FieldProblem.of("amount", "validation.required"));
        }
        Validation.throwIfAny(problems);
        Rep owner = reps.get(Viewer.system(), lead.ownerRepId());
        CustomerService.ForLead customer = customers.forLead(lead, owner.id(), owner.teamId());
        Pipeline pipeline = pipelines.forTeam(owner.teamId());
        String stage = pipeline.first().code();
        String name = cmd.name() != null && !cmd.name().isBlank() ? cmd.name().trim() : defaultName(lead);
        Deal deal = open(new DealRepository.NewDeal(name, lead.id(), customer.customer().id(), owner.id(), owner.teamId(),
                lead.source().name(), new Money(amount, currency), stage, pipeline.position(stage),
                pipeline.defaultProbability(stage), cmd.expectedClose(), clock.instant()), "CONVERT", cmd.reason());
        if (lead.status().isOpen()) {
            ownership.changeStatus(lead.id(), LeadStatus.CONVERTED,
                    cmd.reason() != null && !cmd.reason().isBlank() ? cmd.reason() : "converted to deal " + deal.id());
        }
        return deal;
    }

    /** Edits name, customer, owner, amount, probability and expected close date; the stage moves with {@link #move}. */
    @Transactional
    public Deal update(Viewer viewer, long id, DealCommand cmd) {
        requireSeller(viewer);
        Deal before = deals.lockVisible(viewer, id).orElseThrow(() -> new NotFoundException("deal", id));
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        Rep owner = owner(viewer, cmd.ownerRepId() == null ? before.ownerRepId() : cmd.ownerRepId(), problems);
        String currency = currencyOf(cmd.currency() == null ? before.amount().currency() : cmd.currency(), problems);
        if (cmd.customerId() != null && !cmd.customerId().equals(before.customerId())) {
            customerOrProblem(viewer, cmd.customerId(), problems);
        }
        if (!before.open() && cmd.amount() != null && before.won()
                && cmd.amount().compareTo(before.amount().amount()) != 0) {
            problems.add(FieldProblem.of("amount", "deal.won.amountFixed"));
        }
        Validation.throwIfAny(problems);
        int probability = cmd.probability() != null ? cmd.probability() : before.probability();
        if (!deals.update(id, cmd.name(), cmd.customerId() != null ? cmd.customerId() : before.customerId(), owner.id(),
                owner.teamId(), new Money(cmd.amount(), currency), probability, cmd.expectedClose(), cmd.version())) {
            throw new ConflictException("stale", "Deal " + id + " was changed by someone else; reload and try again");
        }
        Deal after = deals.find(id).orElseThrow();
        audit.record(Change.updated("deal", id, after.ownerTeamId(), after.ownerRepId(), before, after));
        return after;
    }

    /** Moves the deal to another stage of its pipeline, or wins or loses it. Audited, with the reason. */
    @Transactional
    public Deal move(Viewer viewer, long id, StageMove move) {
        requireSeller(viewer);
        Deal before = deals.lockVisible(viewer, id).orElseThrow(() -> new NotFoundException("deal", id));
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, move));
        Pipeline pipeline = pipelines.forTeam(before.ownerTeamId());
        String stage = move.stage() == null ? "" : move.stage().trim();
        LocalDate today = LocalDate.now(clock);
        LocalDate wonOn = null;
        if (problems.isEmpty()) {
            if (!pipeline.knows(stage)) {
                problems.add(FieldProblem.of("stage", "deal.stage.unknown", stage));
            }
            if (DealStage.LOST.equals(stage) && (move.lostReason() == null || move.lostReason().isBlank())) {
                problems.add(FieldProblem.of("lostReason", "deal.lost.reasonRequired"));
            }
            if (DealStage.WON.equals(stage)) {
                wonOn = move.wonOn() == null ? today : move.wonOn();
                if (wonOn.isAfter(today)) {
                    problems.add(FieldProblem.of("wonOn", "deal.won.future"));
                }
            }
        }
        Validation.throwIfAny(problems);
        if (!before.open()) {
            throw new ConflictException("deal.closed", "Deal " + id + " is already " + before.stage());
        }
        if (stage.equals(before.stage())) {
            return before;
        }
        int probability = move.probability() != null && !DealStage.WON.equals(stage) && !DealStage.LOST.equals(stage)
                ? move.probability() : pipeline.defaultProbability(stage);
        Instant now = clock.instant();
        String lostReason = DealStage.LOST.equals(stage) ? move.lostReason().trim() : null;
        deals.moveStage(id, stage, pipeline.position(stage), probability, lostReason, wonOn, now, Viewers.actorName());
        Deal after = deals.find(id).orElseThrow();
        String action = DealStage.WON.equals(stage) ? "WIN" : DealStage.LOST.equals(stage) ? "LOSE" : "STAGE";
        audit.record(new Change(action, "deal", String.valueOf(id), after.ownerTeamId(), after.ownerRepId(),
                stageSnapshot(before), stageSnapshot(after), move.reason() != null && !move.reason().isBlank() ? move.reason() : lostReason));
        events.publishEvent(new DealStageChanged(id, after.leadId(), after.ownerRepId(), after.ownerTeamId(), before.stage(), stage, now));
        if (after.won()) {
            events.publishEvent(new DealWon(id, after.leadId(), after.customerId(), after.ownerRepId(), after.ownerTeamId(),
                    after.amount(), after.wonOn(), now));
        } else if (after.lost()) {
            events.publishEvent(new DealLost(id, after.leadId(), after.ownerRepId(), after.ownerTeamId(), before.stage(), lostReason, now));
        }
        return after;
    }

    /** Gives the team its own pipeline (or, with no stages, returns it to the inherited one). Audited. */
    @Transactional
    public Pipeline configurePipeline(Viewer viewer, long teamId, PipelineCommand cmd) {
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Role " + viewer.role() + " cannot configure pipelines");
        }
        teams.get(viewer, teamId);
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        Set<String> codes = new HashSet<>();
        if (cmd.stages() != null) {
            for (int i = 0; i < cmd.stages().size(); i++) {
                PipelineCommand.Stage s = cmd.stages().get(i);
                if (s == null || s.code() == null) {
                    continue;
                }
                if (DealStage.WON.equals(s.code()) || DealStage.LOST.equals(s.code())) {
                    problems.add(FieldProblem.of("stages[" + i + "].code", "deal.stage.reserved", s.code()));
                } else if (!codes.add(s.code())) {
                    problems.add(FieldProblem.of("stages[" + i + "].code", "deal.stage.duplicate", s.code()));
                }
            }
        }
        Validation.throwIfAny(problems);
        Pipeline before = pipelines.forTeam(teamId);
        Set<String> dropped = new HashSet<>();
        before.stages().forEach(s -> dropped.add(s.code()));
        dropped.removeAll(codes);
        int stranded = deals.openInStages(teamId, dropped);
        if (stranded > 0) {
            throw new ConflictException("pipeline.stageInUse",
                    stranded + " open deals are still in stages " + dropped + "; move them first");
        }
        pipelines.replace(teamId, cmd.stages());
        Pipeline after = pipelines.forTeam(teamId);
        audit.record(new Change("PIPELINE", "team", String.valueOf(teamId), teamId, null, Map.of("stages", before.stages()),
                Map.of("stages", after.stages()), cmd.reason()));
        return after;
    }

    private Deal open(DealRepository.NewDeal row, String action, String reason) {
        long id = deals.insert(row, Viewers.actorName());
        Deal created = deals.find(id).orElseThrow();
        audit.record(new Change(action, "deal", String.valueOf(id), created.ownerTeamId(), created.ownerRepId(), null, created,
                reason == null || reason.isBlank() ? null : reason));
        events.publishEvent(new DealOpened(id, created.leadId(), created.customerId(), created.ownerRepId(),
                created.ownerTeamId(), created.createdAt()));
        return created;
    }

    private Rep owner(Viewer viewer, Long requested, List<FieldProblem> problems) {
        Long repId = requested != null ? requested : viewer.repId();
        if (repId == null) {
            problems.add(FieldProblem.of("ownerRepId", "validation.required"));
            return null;
        }
        if (viewer.isRep() && !repId.equals(viewer.repId())) {
            problems.add(FieldProblem.of("ownerRepId", "deal.owner.notSelf"));
            return null;
        }
        try {
            Rep rep = reps.get(viewer, repId);
            if (!rep.active()) {
                problems.add(FieldProblem.of("ownerRepId", "deal.owner.inactive"));
            }
            return rep;
        } catch (NotFoundException e) {
            problems.add(FieldProblem.of("ownerRepId", "deal.owner.unknown"));
            return null;
        }
    }

    private String currencyOf(String requested, List<FieldProblem> problems) {
        String currency = requested == null || requested.isBlank() ? properties.currency() : requested.trim().toUpperCase();
        if (!Money.isKnownCurrency(currency)) {
            problems.add(FieldProblem.of("currency", "deal.currency.unknown", currency));
            return properties.currency();
        }
        return currency;
    }

    private Lead leadOrProblem(Viewer viewer, long leadId, List<FieldProblem> problems) {
        try {
            return leads.get(viewer, leadId);
        } catch (NotFoundException e) {
            problems.add(FieldProblem.of("leadId", "deal.lead.unknown"));
            return null;
        }
    }

    private Customer customerOrProblem(Viewer viewer, long customerId, List<FieldProblem> problems) {
        try {
            return customers.get(viewer, customerId);
        } catch (NotFoundException e) {
            problems.add(FieldProblem.of("customerId", "deal.customer.unknown"));
            return null;
        }
    }

    private static String defaultName(Lead lead) {
        String who = lead.company() != null ? lead.company() : lead.contactName();
        return lead.productInterest() != null ? who + " · " + lead.productInterest() : who;
    }

    private static Map<String, Object> stageSnapshot(Deal d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", d.stage());
        m.put("probability", d.probability());
        if (d.lostReason() != null) {
            m.put("lostReason", d.lostReason());
        }
        if (d.wonOn() != null) {
            m.put("wonOn", d.wonOn().toString());
            m.put("revenue", d.amount().toString());
        }
        return m;
    }

    static void requireSeller(Viewer viewer) {
        if (viewer.role() == Role.FINANCE) {
            throw new ForbiddenException("Finance reads deals but does not change them");
        }
    }
}
