package dev.fairlead.common.web;

import dev.fairlead.common.Role;
import java.util.Set;

/**
 * A card of the home page's "my day" row, contributed by the module that knows the answer (what is
 * due, first contacts waiting, pool leads to claim …). The home page loads each card's HTML fragment
 * with htmx from {@code url}, so the shell needs no dependency on the modules that contribute.
 * A rep's home is her own day (quota, what is due, new leads, pipeline, pool); a manager's is the
 * team's (pace, SLA breaches, load per rep, unassigned and waiting leads). {@code order} places a
 * card among the others: use the slot constants below, so each module's card lands where the
 * page expects it.
 *
 * @param id element id of the card
 * @param titleKey message key of its heading
 * @param url fragment URL, answered for the signed-in viewer
 * @param order position from the left
 * @param roles who sees it; empty = everyone signed in
 */
public record HomePanel(String id, String titleKey, String url, int order, Set<Role> roles) {

    /** Goals: my quota and pace this month (rep), the team's pace (managers). */
    public static final int ORDER_PACE = 10;
    /** Work: what is due today (rep), overdue team tasks (managers). */
    public static final int ORDER_DUE = 20;
    /** Work: first-contact clocks with their time left (rep), SLA breaches today and this week (managers). */
    public static final int ORDER_SLA = 30;
    /** Leads: my new leads (rep), open leads against cap per rep (managers). */
    public static final int ORDER_LEADS = 40;
    /** Deals: my pipeline by stage. */
    public static final int ORDER_PIPELINE = 50;
    /** Pool: leads I may claim (rep), unassigned leads in the team's pools (managers). */
    public static final int ORDER_POOL = 60;
    /**
     * Routing: leads waiting for working hours (they arrived when no eligible rep was working and
     * are routed at the start of the next working period). Left free for the routing module's card.
     */
    public static final int ORDER_WAITING_FOR_WORKING_HOURS = 70;
    /** Alerts and anything else a module wants managers to see, after the daily cards. */
    public static final int ORDER_ALERTS = 80;

    public boolean visibleTo(Role role) {
        return roles.isEmpty() || roles.contains(role);
    }
}
