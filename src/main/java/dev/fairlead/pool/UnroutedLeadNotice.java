package dev.fairlead.pool;

import dev.fairlead.common.Viewer;
import dev.fairlead.leads.LeadPooled;
import dev.fairlead.leads.LeadService;
import dev.fairlead.notify.Notice;
import dev.fairlead.notify.Notifications;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import dev.fairlead.pool.persistence.PoolRepository;
import java.util.List;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A new lead that routing could give to nobody (no rule matched, or nobody eligible even later)
 * lands in a pool: the managers of the pool's teams are told, so it does not sit there unseen; a
 * pool of no team (the default pool) tells the directors. Leads released or recovered into a pool
 * are not news of this kind, nor leads a whole import pooled (its report says so).
 */
@Component
class UnroutedLeadNotice {

    /** The routing reasons (see the routing explanation codes) that mean nobody could take the lead. */
    static final Set<String> NOBODY = Set.of("everyRuleFellThrough", "noRuleMatched", "capsTakenConcurrently");

    private final PoolRepository pools;
    private final TeamService teams;
    private final LeadService leads;
    private final Notifications notifications;

    UnroutedLeadNotice(PoolRepository pools, TeamService teams, LeadService leads, Notifications notifications) {
        this.pools = pools;
        this.teams = teams;
        this.leads = leads;
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(LeadPooled e) {
        if (e.previousRepId() != null || e.reason() == null || NOBODY.stream().noneMatch(code -> e.reason().endsWith(": " + code))) {
            return;
        }
        long poolId = e.poolId() != null ? e.poolId() : pools.defaultPoolId();
        Pool pool = pools.find(poolId).orElse(null);
        if (pool == null) {
            return;
        }
        var lead = leads.getForSystem(e.leadId());
        String label = lead.company() != null ? lead.company() : lead.contactName();
        List<Long> to = pool.teamIds().isEmpty()
                ? teams.list(Viewer.system(), false).stream().filter(t -> t.parentId() == null).map(Team::id).sorted().limit(1).toList()
                : pool.teamIds();
        Notice notice = Notice.of("pool.unrouted", "/pool/" + poolId, label, pool.name());
        to.forEach(team -> notifications.toManagersOf(team, notice));
    }
}
