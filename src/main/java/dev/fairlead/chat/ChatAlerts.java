package dev.fairlead.chat;

import dev.fairlead.chat.persistence.ChatChannelRepository;
import dev.fairlead.chat.persistence.ChatChannelRepository.Stored;
import dev.fairlead.common.Viewer;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealService;
import dev.fairlead.deals.DealWon;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadAssigned;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadsAssigned;
import dev.fairlead.notify.Notice;
import dev.fairlead.notify.Notifications;
import dev.fairlead.org.RepService;
import dev.fairlead.pool.RecoveryWarned;
import dev.fairlead.work.SlaBreached;
import dev.fairlead.work.SlaWarned;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the team's robots what happened, in the transaction it happened in: each robot that takes
 * the event gets a notification in its language queued for delivery (so the message exists exactly
 * when the change was committed, and survives a restart), @-mentioning the rep by the id they have
 * on that platform.
 */
@Component
class ChatAlerts {

    private static final Set<ChatEvent> LEAD_EVENTS = Set.of(ChatEvent.LEAD_ASSIGNED, ChatEvent.LEAD_ASSIGNED_A);

    private final ChatChannelRepository robots;
    private final Notifications notifications;
    private final LeadService leads;
    private final DealService deals;
    private final RepService reps;

    ChatAlerts(ChatChannelRepository robots, Notifications notifications, LeadService leads, DealService deals, RepService reps) {
        this.robots = robots;
        this.notifications = notifications;
        this.leads = leads;
        this.deals = deals;
        this.reps = reps;
    }

    @EventListener
    void on(LeadAssigned event) {
        assigned(List.of(event));
    }

    @EventListener
    void on(LeadsAssigned event) {
        assigned(event.assignments());
    }

    /** One look-up of robots per rep and one read of the leads, however large the chunk (an import's). */
    private void assigned(List<LeadAssigned> assignments) {
        if (assignments.isEmpty() || !robots.anyFor(LEAD_EVENTS)) {
            return;
        }
        Map<Long, List<Stored>> byRep = new HashMap<>();
        List<LeadAssigned> told = assignments.stream()
                .filter(a -> !byRep.computeIfAbsent(a.repId(), rep -> robots.forRep(rep, LEAD_EVENTS)).isEmpty()).toList();
        if (told.isEmpty()) {
            return;
        }
        Map<Long, Lead> byId = leads.getAllForSystem(told.stream().map(LeadAssigned::leadId).distinct().toList()).stream()
                .collect(Collectors.toMap(Lead::id, Function.identity()));
        for (LeadAssigned a : told) {
            Lead lead = byId.get(a.leadId());
            if (lead == null) {
                continue;
            }
            boolean gradeA = "A".equals(lead.grade());
            Notice notice = Notice.of("chat.leadAssigned", "/leads/" + lead.id(), label(lead), lead.ownerName(),
                    lead.grade() == null ? "–" : lead.grade());
            byRep.get(a.repId()).stream()
                    .filter(r -> r.events().contains(ChatEvent.LEAD_ASSIGNED) || gradeA && r.events().contains(ChatEvent.LEAD_ASSIGNED_A))
                    .forEach(r -> send(r, notice, a.repId()));
        }
    }

    @EventListener
    void on(SlaWarned event) {
        Notice notice = Notice.of("chat.slaWarning", "/leads/" + event.leadId(), event.leadLabel(), event.repName(), event.dueAt());
        robots.forRep(event.repId(), Set.of(ChatEvent.SLA_WARNING)).forEach(r -> send(r, notice, event.repId()));
    }

    @EventListener
    void on(SlaBreached event) {
        Notice notice = Notice.of("chat.slaBreach", "/leads/" + event.leadId(), event.leadLabel(), event.repName(), event.dueAt());
        robots.forRep(event.repId(), Set.of(ChatEvent.SLA_BREACH)).forEach(r -> send(r, notice, event.repId()));
    }

    @EventListener
    void on(RecoveryWarned event) {
        List<Stored> to = robots.forRep(event.repId(), Set.of(ChatEvent.POOL_WARNING));
        if (to.isEmpty()) {
            return;
        }
        String rep = reps.get(Viewer.system(), event.repId()).name();
        Notice notice = Notice.of("chat.poolWarning." + event.kind(), "/leads/" + event.leadId(), event.leadLabel(), rep,
                event.days(), event.dueAt());
        to.forEach(r -> send(r, notice, event.repId()));
    }

    @EventListener
    void on(DealWon event) {
        List<Stored> to = robots.forRep(event.repId(), Set.of(ChatEvent.DEAL_WON));
        if (to.isEmpty()) {
            return;
        }
        Deal deal = deals.get(Viewer.system(), event.dealId());
        String rep = reps.get(Viewer.system(), event.repId()).name();
        String revenue = event.revenue() == null ? "–" : event.revenue().amount().toPlainString() + " " + event.revenue().currency();
        Notice notice = Notice.of("chat.dealWon", "/deals/" + deal.id(), deal.name(), rep, revenue);
        to.forEach(r -> send(r, notice, event.repId()));
    }

    private void send(Stored robot, Notice notice, long repId) {
        String mention = robots.repId(repId, robot.platform()).orElse(null);
        notifications.toChannel(robot.platform().channel(), String.valueOf(robot.id()), Locale.forLanguageTag(robot.locale()),
                notice, mention);
    }

    private static String label(Lead lead) {
        return lead.company() != null && !lead.company().isBlank() ? lead.company() : lead.contactName();
    }
}
