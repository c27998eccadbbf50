package dev.fairlead.pool;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.scheduling.JobRunner;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.notify.Notice;
import dev.fairlead.notify.Notifications;
import dev.fairlead.pool.domain.RecoveryPolicy;
import dev.fairlead.pool.persistence.PoolLeadRepository;
import dev.fairlead.pool.persistence.PoolLeadRepository.Candidate;
import dev.fairlead.pool.persistence.PoolRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Automatic recovery (回收): owners are warned when a lead enters its warning period, and the lead
 * goes back to its pool when due (see {@link RecoveryPolicy}). The job re-reads each lead under its
 * row lock in a transaction of its own, records each warning once per owner and due time, and so
 * can be run again at any moment, on any node, after any crash, with the same outcome.
 */
@Service
public class PoolRecovery {

    private final PoolLeadRepository poolLeads;
    private final PoolRepository pools;
    private final LeadOwnership ownership;
    private final LeadService leads;
    private final Notifications notifications;
    private final ObjectProvider<OpenDealCheck> deals;
    private final TransactionTemplate transactions;
    private final JobRunner jobs;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PoolRecovery(PoolLeadRepository poolLeads, PoolRepository pools, LeadOwnership ownership, LeadService leads,
            Notifications notifications, ObjectProvider<OpenDealCheck> deals, TransactionTemplate transactions,
            JobRunner jobs, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.poolLeads = poolLeads;
        this.pools = pools;
        this.ownership = ownership;
        this.leads = leads;
        this.notifications = notifications;
        this.deals = deals;
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fairlead.jobs.recovery.interval:PT10M}", initialDelayString = "${fairlead.jobs.initial-delay:PT1M}")
    @SchedulerLock(name = "pool-recovery", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
    void scheduled() {
        jobs.run("pool-recovery", this::run);
    }

    /** Warns and recovers whatever is due now; returns how many leads were warned about or recovered. */
    public int run() {
        int handled = 0;
        for (Candidate c : poolLeads.candidates(clock.instant(), null, null)) {
            if (Boolean.TRUE.equals(transactions.execute(status -> handle(c.leadId(), c.ownerRepId())))) {
                handled++;
            }
        }
        return handled;
    }

    /** Owned leads in the viewer's scope that pools will take back within {@code days} days, soonest first. */
    @Transactional(readOnly = true)
    public List<UpcomingRecovery> upcoming(Viewer viewer, int days) {
        Instant now = clock.instant();
        List<Candidate> candidates = poolLeads.candidates(now.plus(Duration.ofDays(Math.max(0, days))), null, viewer);
        Set<Long> openDeals = openDeals(candidates.stream().map(Candidate::leadId).toList());
        return candidates.stream()
                .flatMap(c -> upcoming(c, openDeals.contains(c.leadId()), now).stream())
                .filter(u -> !u.dueAt().isAfter(now.plus(Duration.ofDays(days))))
                .sorted(Comparator.comparing(UpcomingRecovery::dueAt))
                .toList();
    }

    private boolean handle(long leadId, long expectedOwner) {
        OptionalLong owner = ownership.lockOwner(leadId);
        if (owner.isEmpty() || owner.getAsLong() != expectedOwner) {
            return false;
        }
        Instant now = clock.instant();
        Optional<Candidate> current = poolLeads.candidates(now, leadId, null).stream().findFirst();
        if (current.isEmpty()) {
            return false;
        }
        Candidate c = current.get();
        boolean openDeal = c.status() == LeadStatus.QUALIFIED || !openDeals(List.of(leadId)).isEmpty();
        RecoveryPolicy.Verdict verdict = RecoveryPolicy.evaluate(facts(c, openDeal), rule(c), now);
        if (verdict instanceof RecoveryPolicy.Recover r) {
            recover(c, r);
            return true;
        }
        if (verdict instanceof RecoveryPolicy.Warn w && poolLeads.recordWarning(leadId, c.ownerRepId(), w.kind().name(), w.dueAt(), now)) {
            notifications.toRep(c.ownerRepId(), Notice.of("pool.warning." + w.kind().name(), "/work/leads/" + leadId,
                    c.label(), w.days(), w.dueAt()));
            events.publishEvent(new RecoveryWarned(leadId, c.label(), c.ownerRepId(), w.kind().name(), w.days(), w.dueAt()));
            return true;
        }
        return false;
    }

    private void recover(Candidate c, RecoveryPolicy.Recover r) {
        String reason = r.kind() == RecoveryPolicy.Kind.NO_FOLLOW_UP
                ? "Recovered: no follow-up for " + r.days() + " days"
                : "Recovered: no deal within " + r.days() + " days of assignment";
        String grade = c.grade() == null ? "" : " (grade " + c.grade() + ")";
        MoveRecorder.because(MoveCause.RECOVERED, () -> {
            ownership.moveToPool(c.leadId(), c.poolId(), reason + grade);
            return null;
        });
        notifications.toRep(c.ownerRepId(), Notice.of("pool.recovered." + r.kind().name(), "/pool/" + c.poolId(),
                c.label(), r.days()));
    }

    private Optional<UpcomingRecovery> upcoming(Candidate c, boolean openDeal, Instant now) {
        RecoveryPolicy.Verdict verdict = RecoveryPolicy.evaluate(
                facts(c, openDeal || c.status() == LeadStatus.QUALIFIED), rule(c), now);
        if (verdict instanceof RecoveryPolicy.Keep k) {
            return Optional.of(upcoming(c, k.kind(), k.dueAt(), false));
        }
        if (verdict instanceof RecoveryPolicy.Warn w) {
            return Optional.of(upcoming(c, w.kind(), w.dueAt(), true));
        }
        if (verdict instanceof RecoveryPolicy.Recover r) {
            return Optional.of(upcoming(c, r.kind(), r.dueAt(), true));
        }
        return Optional.empty();
    }

    private static UpcomingRecovery upcoming(Candidate c, RecoveryPolicy.Kind kind, Instant due, boolean warned) {
        return new UpcomingRecovery(c.leadId(), c.label(), c.ownerRepId(), c.ownerName(), c.poolId(), kind.name(), due, warned);
    }

    private Set<Long> openDeals(List<Long> leadIds) {
        OpenDealCheck check = deals.getIfAvailable();
        return check == null || leadIds.isEmpty() ? Set.of() : check.leadsWithOpenDeal(leadIds);
    }

    private static RecoveryPolicy.Facts facts(Candidate c, boolean openDeal) {
        return new RecoveryPolicy.Facts(c.assignedAt(), c.lastFollowUpAt(), c.locked(), openDeal);
    }

    private static RecoveryPolicy.Rule rule(Candidate c) {
        return new RecoveryPolicy.Rule(c.noFollowUpDays(), c.noDealDays(), c.warnDays());
    }
}
