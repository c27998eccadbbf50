package dev.fairlead.credit;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.credit.domain.CreditAction;
import dev.fairlead.credit.domain.CreditState;
import dev.fairlead.credit.domain.CreditWorkflow;
import dev.fairlead.credit.persistence.CreditRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checkers' side: the owner team's manager approves or returns a submission, finance confirms or
 * rejects an approved one (one by one or many at once) and reverses a confirmed one with a negative
 * entry. Each step is audited and tells the next person; a manager of another team finds nothing (404).
 */
@Service
public class CreditConfirmations {

    private static final int QUEUE_LIMIT = 500;
    private static final int REASON_MAX = 500;

    private final CreditRepository entries;
    private final CreditSteps steps;
    private final Clock clock;

    CreditConfirmations(CreditRepository entries, CreditSteps steps, Clock clock) {
        this.entries = entries;
        this.steps = steps;
        this.clock = clock;
    }

    /** Submissions waiting for the manager (managers: their team and below; directors and admins: all). */
    @Transactional(readOnly = true)
    public List<CreditEntry> toApprove(Viewer viewer) {
        requireApprover(viewer);
        return entries.inStates(viewer, List.of(CreditState.SUBMITTED), QUEUE_LIMIT);
    }

    /** Approved results waiting for finance. */
    @Transactional(readOnly = true)
    public List<CreditEntry> toConfirm(Viewer viewer) {
        requireFinance(viewer);
        return entries.inStates(viewer, List.of(CreditState.APPROVED), QUEUE_LIMIT);
    }

    /** Confirmed entries (results and reversals) confirmed from {@code from} to {@code to} inclusive, for payroll. */
    @Transactional(readOnly = true)
    public List<CreditEntry> confirmed(Viewer viewer, LocalDate from, LocalDate to) {
        if (!(viewer.role() == Role.FINANCE || viewer.role() == Role.DIRECTOR || viewer.role() == Role.ADMIN)) {
            throw new ForbiddenException("Only finance, directors and admins export confirmed credit");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException(List.of(FieldProblem.of("to", "credit.export.range")));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from == null ? today.withDayOfMonth(1) : from;
        LocalDate end = to == null ? today : to;
        return entries.confirmedBetween(start, end.plusDays(1));
    }

    @Transactional
    public CreditEntry approve(Viewer viewer, long id) {
        requireApprover(viewer);
        CreditEntry before = lock(viewer, id, CreditAction.APPROVE);
        CreditEntry after = move(before, CreditAction.APPROVE, null, true, null);
        steps.audit("APPROVE", before, after, null);
        steps.toFinance(after);
        return after;
    }

    @Transactional
    public CreditEntry sendBack(Viewer viewer, long id, String reason) {
        requireApprover(viewer);
        String why = requireReason(reason);
        CreditEntry before = lock(viewer, id, CreditAction.RETURN);
        CreditEntry after = move(before, CreditAction.RETURN, why, false, null);
        steps.audit("RETURN", before, after, why);
        steps.toOwner("creditReturned", after, why);
        return after;
    }

    @Transactional
    public CreditEntry confirm(Viewer viewer, long id) {
        requireFinance(viewer);
        CreditEntry before = lock(viewer, id, CreditAction.CONFIRM);
        CreditEntry after = move(before, CreditAction.CONFIRM, null, false, LocalDate.now(clock));
        steps.audit("CONFIRM", before, after, null);
        steps.toShareholders("creditConfirmed", after);
        return after;
    }

    /** Confirms each selected result that can be; the others are listed with why, and nothing else changes for them. */
    @Transactional
    public BulkConfirmation confirmAll(Viewer viewer, Collection<Long> ids) {
        requireFinance(viewer);
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException(List.of(FieldProblem.of("ids", "credit.bulk.none")));
        }
        if (ids.size() > QUEUE_LIMIT) {
            throw new InvalidInputException(List.of(FieldProblem.of("ids", "credit.bulk.tooMany", QUEUE_LIMIT)));
        }
        List<Long> confirmed = new ArrayList<>();
        List<BulkConfirmation.Refusal> refused = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            if (id == null) {
                continue;
            }
            CreditEntry entry = entries.lockOwned(viewer, id).orElse(null);
            if (entry == null) {
                refused.add(new BulkConfirmation.Refusal(id, steps.text("credit.bulk.notFound", id)));
                continue;
            }
            var refusal = CreditWorkflow.refusal(entry.state(), CreditAction.CONFIRM);
            if (refusal.isPresent()) {
                refused.add(new BulkConfirmation.Refusal(id, steps.refusalText(entry, CreditAction.CONFIRM, refusal.get())));
                continue;
            }
            CreditEntry after = move(entry, CreditAction.CONFIRM, null, false, LocalDate.now(clock));
            steps.audit("CONFIRM", entry, after, null);
            steps.toShareholders("creditConfirmed", after);
            confirmed.add(id);
        }
        return new BulkConfirmation(confirmed, refused);
    }

    @Transactional
    public CreditEntry reject(Viewer viewer, long id, String reason) {
        requireFinance(viewer);
        String why = requireReason(reason);
        CreditEntry before = lock(viewer, id, CreditAction.REJECT);
        CreditEntry after = move(before, CreditAction.REJECT, why, false, null);
        steps.audit("REJECT", before, after, why);
        steps.toOwner("creditRejected", after, why);
        return after;
    }

    /**
     * Undoes a confirmed result without touching it: a reversing entry with the negated amount and
     * shares, confirmed today, linked to the original (which is marked reversed); the owner may then
     * submit the corrected result. Returns the reversing entry.
     */
    @Transactional
    public CreditEntry reverse(Viewer viewer, long id, String reason) {
        requireFinance(viewer);
        String why = requireReason(reason);
        CreditEntry before = lock(viewer, id, CreditAction.REVERSE);
        if (before.kind() == CreditEntry.Kind.REVERSAL) {
            throw new ConflictException("credit.conflict.reversal", steps.text("credit.conflict.reversal", id));
        }
        Instant now = clock.instant();
        long reversal = entries.insert(new CreditRepository.NewEntry(before.dealId(), CreditEntry.Kind.REVERSAL, id, before.ownerRepId(),
                before.ownerTeamId(), new dev.fairlead.common.Money(before.amount().amount().negate(), before.amount().currency()),
                before.wonOn(), before.policy(), before.evidence(), CreditState.CONFIRMED, why, now, Viewers.actorName(), LocalDate.now(clock)),
                before.shares().stream().map(s -> new CreditRepository.NewShare(s.repId(), s.teamId(), s.percent(), s.amount().negate())).toList());
        CreditEntry after = move(before, CreditAction.REVERSE, why, false, null);
        steps.audit("REVERSE", before, after, why);
        CreditEntry entry = entries.findVisible(Viewer.system(), reversal).orElseThrow();
        steps.audit("CREATE", null, entry, why);
        steps.toOwner("creditReversed", after, why);
        return entry;
    }

    private CreditEntry lock(Viewer viewer, long id, CreditAction action) {
        CreditEntry entry = entries.lockOwned(viewer, id).orElseThrow(() -> new NotFoundException("credit", id));
        steps.requireAllowed(entry, action);
        return entry;
    }

    private CreditEntry move(CreditEntry before, CreditAction action, String reason, boolean approved, LocalDate confirmedOn) {
        entries.transition(before.id(), CreditWorkflow.next(before.state(), action), reason, clock.instant(), Viewers.actorName(),
                approved, confirmedOn);
        return entries.findVisible(Viewer.system(), before.id()).orElseThrow();
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(List.of(FieldProblem.of("reason", "validation.required")));
        }
        if (reason.trim().length() > REASON_MAX) {
            throw new InvalidInputException(List.of(FieldProblem.of("reason", "credit.reason.long", REASON_MAX)));
        }
        return reason.trim();
    }

    private static void requireApprover(Viewer viewer) {
        if (!CreditSteps.approves(viewer)) {
            throw new ForbiddenException("Only the owner team's manager (or a director) approves a result");
        }
    }

    private static void requireFinance(Viewer viewer) {
        if (!CreditSteps.isFinance(viewer)) {
            throw new ForbiddenException("Only finance confirms, rejects and reverses results");
        }
    }
}
