package dev.fairlead.support;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.credit.CreditCommand;
import dev.fairlead.credit.CreditConfirmations;
import dev.fairlead.credit.CreditEntry;
import dev.fairlead.credit.CreditSubmissions;
import dev.fairlead.credit.domain.SplitPolicy;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * A won deal's result taken through the whole confirmation, as its owner, a director and finance
 * would through the API: revenue counts only once this has happened (decision 0502).
 */
@TestConfiguration(proxyBeanMethods = false)
public class ConfirmedResults {

    private static final Viewer FINANCE = new Viewer(0, "finance.fixture", Role.FINANCE, null, null);
    private static final Viewer DIRECTOR = new Viewer(0, "director.fixture", Role.DIRECTOR, null, null);

    private final DealService deals;
    private final CreditSubmissions submissions;
    private final CreditConfirmations confirmations;
    private final Clock clock;

    ConfirmedResults(DealService deals, CreditSubmissions submissions, CreditConfirmations confirmations, Clock clock) {
        this.deals = deals;
        this.submissions = submissions;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    /** The owner takes all of it, confirmed today. */
    public CreditEntry confirm(long dealId) {
        return confirm(dealId, new CreditCommand(SplitPolicy.OWNER, null, null, null, null, "合同已签 contract signed"));
    }

    public CreditEntry confirm(long dealId, CreditCommand cmd) {
        Deal deal = deals.get(Viewer.system(), dealId);
        Viewer owner = new Viewer(0, "owner.fixture", Role.REP, deal.ownerTeamId(), deal.ownerRepId());
        CreditEntry submitted = submissions.submit(owner, dealId, cmd);
        confirmations.approve(DIRECTOR, submitted.id());
        return confirmations.confirm(FINANCE, submitted.id());
    }

    /** Confirmed on {@code day} (noon, company time): the clock goes there for the confirmation and comes back. */
    public CreditEntry confirmOn(long dealId, LocalDate day) {
        if (!(clock instanceof MutableClock mutable)) {
            throw new IllegalStateException("needs the tests' MutableClock");
        }
        Instant now = mutable.instant();
        mutable.advanceTo(day.atTime(12, 0).atZone(mutable.getZone()).toInstant());
        try {
            return confirm(dealId);
        } finally {
            mutable.advanceTo(now);
        }
    }

    public List<CreditEntry> ofDeal(long dealId) {
        return submissions.ofDeal(Viewer.system(), dealId);
    }
}
