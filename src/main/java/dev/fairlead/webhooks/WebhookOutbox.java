package dev.fairlead.webhooks;

import dev.fairlead.common.Viewer;
import dev.fairlead.deals.DealLost;
import dev.fairlead.deals.DealService;
import dev.fairlead.deals.DealStageChanged;
import dev.fairlead.deals.DealWon;
import dev.fairlead.goals.GoalChanged;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadAssigned;
import dev.fairlead.leads.LeadCreated;
import dev.fairlead.leads.LeadPooled;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadsAssigned;
import dev.fairlead.leads.LeadsCreated;
import dev.fairlead.leads.LeadsPooled;
import dev.fairlead.webhooks.persistence.WebhookRepository;
import dev.fairlead.webhooks.persistence.WebhookRepository.Target;
import dev.fairlead.work.FollowUpLogged;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what happened into webhook deliveries: one outbox row per event and subscription, written
 * just before the transaction that raised the event commits (in it), so an event is queued exactly
 * when its change is committed and is never lost to a crash after the commit. The payload holds the
 * event and the record it is about as that transaction leaves it.
 */
@Component
class WebhookOutbox {

    private final WebhookRepository repository;
    private final LeadService leads;
    private final DealService deals;
    private final JsonMapper json;
    private final Clock clock;

    WebhookOutbox(WebhookRepository repository, LeadService leads, DealService deals, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.leads = leads;
        this.deals = deals;
        this.json = json;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void created(LeadCreated e) {
        leadEvents(List.of(new Raised(WebhookEventType.LEAD_CREATED, e.leadId(), e.at(), e)));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void created(LeadsCreated e) {
        leadEvents(e.leadIds().stream()
                .map(id -> new Raised(WebhookEventType.LEAD_CREATED, id, e.at(), Map.of("leadId", id, "at", e.at())))
                .toList());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void assigned(LeadAssigned e) {
        leadEvents(List.of(assignment(e)));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void assigned(LeadsAssigned e) {
        leadEvents(e.assignments().stream().map(WebhookOutbox::assignment).toList());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void pooled(LeadPooled e) {
        leadEvents(List.of(new Raised(WebhookEventType.LEAD_POOLED, e.leadId(), e.at(), e)));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void pooled(LeadsPooled e) {
        leadEvents(e.pooled().stream().map(p -> new Raised(WebhookEventType.LEAD_POOLED, p.leadId(), p.at(), p)).toList());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void followUp(FollowUpLogged e) {
        queue(List.of(new Raised(WebhookEventType.FOLLOW_UP_LOGGED, e.followUpId(), e.occurredAt(), e)), ids -> Map.of());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void stage(DealStageChanged e) {
        dealEvent(new Raised(WebhookEventType.DEAL_STAGE_CHANGED, e.dealId(), e.at(), e));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void won(DealWon e) {
        dealEvent(new Raised(WebhookEventType.DEAL_WON, e.dealId(), e.at(), e));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void lost(DealLost e) {
        dealEvent(new Raised(WebhookEventType.DEAL_LOST, e.dealId(), e.at(), e));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void goal(GoalChanged e) {
        queue(List.of(new Raised(WebhookEventType.GOAL_CHANGED, e.goalId(), e.at(), e)), ids -> Map.of());
    }

    /** Claimed: the lead left a pool for an owner; reassigned: it had an owner; else its first assignment. */
    static Raised assignment(LeadAssigned e) {
        WebhookEventType type = e.previousPoolId() != null ? WebhookEventType.LEAD_CLAIMED
                : e.previousRepId() != null ? WebhookEventType.LEAD_REASSIGNED : WebhookEventType.LEAD_ASSIGNED;
        return new Raised(type, e.leadId(), e.at(), e);
    }

    private void leadEvents(List<Raised> raised) {
        queue(raised, ids -> leads.getAllForSystem(ids).stream().collect(Collectors.toMap(Lead::id, Function.identity())));
    }

    private void dealEvent(Raised raised) {
        queue(List.of(raised), ids -> Map.of(raised.recordId(), deals.get(Viewer.system(), raised.recordId())));
    }

    /** Writes the rows; {@code records} reads the records the events are about, only when someone subscribed. */
    private void queue(List<Raised> raised, Function<List<Long>, Map<Long, ?>> records) {
        List<Target> subscriptions = repository.subscribedTo(raised.stream().map(r -> r.type().code()).distinct().toList());
        if (subscriptions.isEmpty() || raised.isEmpty()) {
            return;
        }
        Map<Long, ?> snapshots = records.apply(raised.stream().map(Raised::recordId).distinct().toList());
        Instant now = clock.instant();
        List<WebhookRepository.NewDelivery> rows = new ArrayList<>();
        for (Raised r : raised) {
            List<Target> wanting = subscriptions.stream().filter(s -> s.eventTypes().contains(r.type().code())).toList();
            if (wanting.isEmpty()) {
                continue;
            }
            UUID eventId = UUID.randomUUID();
            String payload = payload(eventId, r, snapshots.get(r.recordId()));
            wanting.forEach(s -> rows.add(new WebhookRepository.NewDelivery(s.id(), eventId, r.type().code(), payload)));
        }
        repository.queue(rows, now);
    }

    private String payload(UUID eventId, Raised r, Object record) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId.toString());
        body.put("type", r.type().code());
        body.put("occurredAt", r.at().toString());
        body.put("recordKind", r.type().recordKind());
        body.put("recordId", r.recordId());
        body.put("event", r.event());
        body.put("record", record);
        return json.writeValueAsString(body);
    }

    /** One event as a subscription sees it. */
    record Raised(WebhookEventType type, long recordId, Instant at, Object event) {}
}
