package dev.fairlead.routing;

import dev.fairlead.routing.domain.Decision;
import dev.fairlead.routing.domain.RepState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Assignments this node has decided but whose transactions have not committed yet. Routing
 * decides on committed counters, so without this every lead routed at the same moment would see
 * the same least-loaded rep, all of them would go to that rep and queue on its counter row. Each
 * decision therefore adds to the counters it reads (open, new today, new this month) the leads
 * this node is handing to each rep right now (and those that committed after the counters were
 * read), and registers its own pick before the next decision is made. Concurrent least-loaded
 * picks spread over the reps exactly as if they had been made one after another.
 *
 * <p>Other nodes' in-flight picks are not seen; that costs at most a short wait on a counter row,
 * never correctness (caps are enforced by the database). Picks of the current transaction are
 * left out: its own reads already see its own counter updates.
 */
@Component
class InFlightAssignments {

    /** How long a committed pick is remembered for decisions whose counters were read before it committed. */
    static final long KEEP_NANOS = 60_000_000_000L;
    private static final long OPEN = Long.MIN_VALUE;

    private final LongSupplier ticker;
    /** Picks whose transactions have not ended. */
    private final List<Ticket> open = new ArrayList<>();
    /**
     * Committed picks, oldest commit first, kept {@link #KEEP_NANOS}: a decision walks back from the
     * newest only as far as its own mark, so it pays for the picks committed since then, not for
     * every pick of the last minute.
     */
    private final ArrayDeque<Ticket> committed = new ArrayDeque<>();

    InFlightAssignments() {
        this(System::nanoTime);
    }

    InFlightAssignments(LongSupplier ticker) {
        this.ticker = ticker;
    }

    /** A pick that will become a counter update when its transaction commits. */
    final class Ticket {
        private final long repId;
        private final Object owner;
        private long finishedAt = OPEN;

        private Ticket(long repId, Object owner) {
            this.repId = repId;
            this.owner = owner;
        }

        long repId() {
            return repId;
        }

        /** The pick will not happen (the database refused it, or it is decided again): forget it now. */
        void release() {
            synchronized (InFlightAssignments.this) {
                if (!open.remove(this)) {
                    committed.remove(this);
                }
            }
        }
    }

    /** A decision and, when it assigns, the ticket of its pick (null otherwise). */
    record Decided(Decision decision, Ticket ticket) {
        void release() {
            if (ticket != null) {
                ticket.release();
            }
        }
    }

    /** Call before reading the counters a decision will use. */
    long mark() {
        return ticker.getAsLong();
    }

    /**
     * Decides on {@code reps} (counters read after {@code since}) plus this node's picks in flight,
     * and registers the winner's pick, as one step no other decision on this node interleaves with.
     * {@code owner} identifies the deciding transaction; its own picks are not added again.
     */
    synchronized Decided decide(long since, Object owner, List<RepState> reps, Function<List<RepState>, Decision> decide) {
        Decision decision = decide.apply(withPending(reps, pending(since, owner)));
        if (!(decision instanceof Decision.Assigned assigned)) {
            return new Decided(decision, null);
        }
        Ticket ticket = new Ticket(assigned.repId(), owner);
        open.add(ticket);
        return new Decided(decision, ticket);
    }

    /** Picks not visible in counters read after {@code since}, per rep, other than {@code owner}'s. */
    synchronized Map<Long, Integer> pending(long since, Object owner) {
        long now = ticker.getAsLong();
        while (!committed.isEmpty() && now - committed.peekFirst().finishedAt > KEEP_NANOS) {
            committed.pollFirst();
        }
        Map<Long, Integer> counts = new HashMap<>();
        for (Ticket t : open) {
            if (t.owner != owner) {
                counts.merge(t.repId, 1, Integer::sum);
            }
        }
        for (Iterator<Ticket> it = committed.descendingIterator(); it.hasNext(); ) {
            Ticket t = it.next();
            if (t.finishedAt - since < 0) {
                break;
            }
            if (t.owner != owner) {
                counts.merge(t.repId, 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * The transaction {@code owner} ended. Committed picks are now in the counters of every read that
     * starts from here on (and are still added to reads that started before); rolled back ones are forgotten.
     */
    synchronized void settle(Object owner, boolean committed) {
        long now = ticker.getAsLong();
        for (Iterator<Ticket> it = open.iterator(); it.hasNext(); ) {
            Ticket t = it.next();
            if (t.owner == owner) {
                it.remove();
                if (committed) {
                    t.finishedAt = now;
                    this.committed.addLast(t);
                }
            }
        }
    }

    /**
     * The current transaction's key for {@link #decide}, the same for every call within one
     * transaction; its picks are settled when it ends.
     */
    Object currentOwner() {
        Object owner = TransactionSynchronizationManager.getResource(this);
        if (owner == null) {
            Owner created = new Owner();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(created);
            owner = created;
        }
        return owner;
    }

    /** One transaction's picks; settled after it completes. */
    private final class Owner implements TransactionSynchronization {

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(InFlightAssignments.this);
            settle(this, status == STATUS_COMMITTED);
        }
    }

    static List<RepState> withPending(List<RepState> reps, Map<Long, Integer> pending) {
        if (pending.isEmpty()) {
            return reps;
        }
        List<RepState> result = new ArrayList<>(reps.size());
        for (RepState r : reps) {
            int n = pending.getOrDefault(r.repId(), 0);
            result.add(n == 0 ? r : new RepState(r.repId(), r.name(), r.teamId(), r.teamPath(), r.tier(), r.industries(),
                    r.products(), r.weight(), r.maxOpenLeads(), r.maxNewPerDay(), r.maxNewPerMonth(), r.workingDays(),
                    r.absences(), r.territories(), r.active(), r.openLeads() + n, r.newToday() + n, r.newThisMonth() + n,
                    r.workloadPoints(), r.history(), r.offHours()));
        }
        return result;
    }
}
