package dev.fairlead.leads;

/**
 * A rep's live counters as of one day: open leads owned, new leads received today and this month,
 * and the workload points of their open tasks.
 */
public record RepLoad(long repId, int openLeads, int newToday, int newThisMonth, int workloadPoints) {

    public static RepLoad empty(long repId) {
        return new RepLoad(repId, 0, 0, 0, 0);
    }
}
