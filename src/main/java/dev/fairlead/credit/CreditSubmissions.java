package dev.fairlead.credit;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.Money;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.credit.domain.CreditAction;
import dev.fairlead.credit.domain.CreditSplit;
import dev.fairlead.credit.domain.CreditState;
import dev.fairlead.credit.domain.ShareRequest;
import dev.fairlead.credit.domain.SplitPolicy;
import dev.fairlead.credit.persistence.CreditRepository;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealService;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepService;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's side: submitting a won deal's result with its split, correcting and submitting again a
 * returned or rejected one, and reading results (a deal's, one's own). Every change is audited with
 * the result before and after, and the owner team's managers are told.
 */
@Service
public class CreditSubmissions {

    private static final int QUEUE_LIMIT = 500;

    private final CreditRepository entries;
    private final DealService deals;
    private final RepService reps;
    private final CreditSteps steps;
    private final CreditProperties properties;
    private final Validator validator;
    private final Clock clock;

    CreditSubmissions(CreditRepository entries, DealService deals, RepService reps, CreditSteps steps, CreditProperties properties,
            Validator validator, Clock clock) {
        this.entries = entries;
        this.deals = deals;
        this.reps = reps;
        this.steps = steps;
        this.properties = properties;
        this.validator = validator;
        this.clock = clock;
    }

    /** The deal's results and reversals, oldest first (the deal must be in the viewer's scope). */
    @Transactional(readOnly = true)
    public List<CreditEntry> ofDeal(Viewer viewer, long dealId) {
        deals.get(viewer, dealId);
        return entries.ofDeal(dealId);
    }

    @Transactional(readOnly = true)
    public CreditEntry get(Viewer viewer, long id) {
        return entries.findVisible(viewer, id).orElseThrow(() -> new NotFoundException("credit", id));
    }

    /** The caller's own results (returned and rejected ones first) and those they have a share in. */
    @Transactional(readOnly = true)
    public List<CreditEntry> mine(Viewer viewer) {
        return viewer.repId() == null ? List.of() : entries.ofRep(viewer.repId(), QUEUE_LIMIT);
    }

    /** The owner submits the won deal's result; one live result per deal (a confirmed one must be reversed first). */
    @Transactional
    public CreditEntry submit(Viewer viewer, long dealId, CreditCommand cmd) {
        Deal deal = deals.get(viewer, dealId);
        requireOwner(viewer, deal);
        if (!deal.won()) {
            throw new ConflictException("credit.conflict.notWon", steps.text("credit.conflict.notWon", deal.name()));
        }
        Optional<CreditEntry> live = entries.ofDeal(dealId).stream()
                .filter(e -> e.kind() == CreditEntry.Kind.RESULT && e.state() != CreditState.REVERSED).findFirst();
        if (live.isPresent()) {
            throw new ConflictException("credit.conflict.live", steps.text("credit.conflict.live", live.get().id()));
        }
        Checked checked = check(deal, cmd);
        long id = entries.insert(new CreditRepository.NewEntry(dealId, CreditEntry.Kind.RESULT, null, deal.ownerRepId(), deal.ownerTeamId(),
                checked.amount(), checked.wonOn(), cmd.policyOrDefault(), blankToNull(cmd.evidence()), CreditState.SUBMITTED, null,
                clock.instant(), Viewers.actorName(), null), checked.shares());
        CreditEntry created = entries.findVisible(Viewer.system(), id).orElseThrow();
        steps.audit("SUBMIT", null, created, null);
        steps.toManagers(created);
        return created;
    }

    /** The owner corrects a submitted, returned or rejected result (amount, date, split, evidence) and submits it again. */
    @Transactional
    public CreditEntry resubmit(Viewer viewer, long id, CreditCommand cmd) {
        CreditEntry before = entries.lockOwned(viewer, id).orElseThrow(() -> new NotFoundException("credit", id));
        Deal deal = deals.get(Viewer.system(), before.dealId());
        requireOwner(viewer, deal);
        steps.requireAllowed(before, CreditAction.RESUBMIT);
        Checked checked = check(deal, cmd);
        entries.replace(id, checked.amount(), checked.wonOn(), cmd.policyOrDefault(), blankToNull(cmd.evidence()), checked.shares(),
                clock.instant(), Viewers.actorName());
        CreditEntry after = entries.findVisible(Viewer.system(), id).orElseThrow();
        steps.audit("RESUBMIT", before, after, null);
        steps.toManagers(after);
        return after;
    }

    private static void requireOwner(Viewer viewer, Deal deal) {
        if (viewer.repId() == null || viewer.repId() != deal.ownerRepId()) {
            throw new ForbiddenException("Only the deal's owner submits its result");
        }
    }

    private record Checked(Money amount, LocalDate wonOn, List<CreditRepository.NewShare> shares) {}

    /** Every problem of the command at once; the shares with their money to the cent. */
    private Checked check(Deal deal, CreditCommand cmd) {
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        SplitPolicy policy = cmd.policyOrDefault();
        if (policy == SplitPolicy.CROSS_REGION || policy == SplitPolicy.HELPER_FIXED) {
            if (cmd.helperRepId() == null) {
                problems.add(FieldProblem.of("helperRepId", "validation.required"));
            } else if (cmd.helperRepId() == deal.ownerRepId()) {
                problems.add(FieldProblem.of("helperRepId", "credit.helper.owner"));
            }
        }
        List<ShareRequest> manual = cmd.shares() == null ? null : cmd.shares().stream()
                .filter(s -> s != null && s.repId() != null).map(s -> new ShareRequest(s.repId(), s.percent())).toList();
        List<ShareRequest> requested = CreditSplit.shares(policy, deal.ownerRepId(), cmd.helperRepId(), properties.crossRegionOwnerShare(),
                properties.helperShare(), manual);
        if (problems.isEmpty()) {
            CreditSplit.check(requested).forEach(p -> problems.add(FieldProblem.of(p.field(), p.code(), p.args())));
        }
        List<Rep> shareholders = new ArrayList<>();
        for (int i = 0; i < requested.size() && problems.isEmpty(); i++) {
            long repId = requested.get(i).repId();
            String field = policy == SplitPolicy.MANUAL ? "shares[" + i + "].repId" : "helperRepId";
            try {
                Rep rep = reps.get(Viewer.system(), repId);
                if (!rep.active() && repId != deal.ownerRepId()) {
                    problems.add(FieldProblem.of(field, "credit.share.inactive", rep.name()));
                }
                shareholders.add(rep);
            } catch (NotFoundException e) {
                problems.add(FieldProblem.of(field, "credit.share.noRep", repId));
            }
        }
        LocalDate wonOn = cmd.wonOn() == null ? deal.wonOn() : cmd.wonOn();
        if (wonOn != null && wonOn.isAfter(LocalDate.now(clock))) {
            problems.add(FieldProblem.of("wonOn", "credit.wonOn.future"));
        }
        Money amount = new Money(cmd.amount() == null ? deal.amount().amount() : cmd.amount(), deal.amount().currency());
        if (amount.amount().signum() <= 0) {
            problems.add(FieldProblem.of("amount", "credit.amount.positive"));
        }
        Validation.throwIfAny(problems);
        List<BigDecimal> money = CreditSplit.amounts(amount.amount(), requested.stream().map(ShareRequest::percent).toList());
        List<CreditRepository.NewShare> shares = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            shares.add(new CreditRepository.NewShare(shareholders.get(i).id(), shareholders.get(i).teamId(),
                    requested.get(i).percent(), money.get(i)));
        }
        return new Checked(amount, wonOn, shares);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
