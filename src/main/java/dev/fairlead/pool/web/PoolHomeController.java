package dev.fairlead.pool.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.pool.Pool;
import dev.fairlead.pool.PoolLead;
import dev.fairlead.pool.PoolLeadQuery;
import dev.fairlead.pool.PoolRecovery;
import dev.fairlead.pool.PoolService;
import dev.fairlead.pool.UpcomingRecovery;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page's pool card: leads waiting in the viewer's pools (for a rep, the best ones she may
 * claim; for managers, the team's unassigned leads), and own (or team) leads about to be taken back.
 */
@Controller
class PoolHomeController {

    static final int RECOVERY_HORIZON_DAYS = 3;
    private static final int SHOWN = 5;

    private final PoolService pools;
    private final PoolRecovery recovery;

    PoolHomeController(PoolService pools, PoolRecovery recovery) {
        this.pools = pools;
        this.recovery = recovery;
    }

    /**
     * For a rep: leads waiting in the pools she may claim from. Her teams' pools come before the
     * company-wide default pool (their leads are closer to her territory), then the best scored.
     */
    private List<PoolLead> claimable(Viewer viewer, List<Pool> visible) {
        return visible.stream().filter(p -> p.leadCount() > 0)
                .sorted(Comparator.comparing(Pool::isDefault))
                .flatMap(p -> pools.leads(viewer, p.id(), PoolLeadQuery.all()).stream()
                        .sorted(Comparator.comparing((PoolLead l) -> l.score() == null ? -1 : l.score()).reversed()
                                .thenComparing(PoolLead::inPoolSince)))
                .limit(SHOWN).toList();
    }

    @GetMapping("/pool/home")
    String home(Model model) {
        Viewer viewer = Viewers.require();
        List<Pool> visible = pools.list(viewer).stream().filter(Pool::active).toList();
        List<UpcomingRecovery> upcoming = recovery.upcoming(viewer, RECOVERY_HORIZON_DAYS);
        model.addAttribute("pools", visible);
        model.addAttribute("waiting", visible.stream().mapToLong(Pool::leadCount).sum());
        model.addAttribute("upcoming", upcoming.size());
        model.addAttribute("horizon", RECOVERY_HORIZON_DAYS);
        model.addAttribute("claimable", viewer.isRep() ? claimable(viewer, visible) : List.of());
        return "pool/home :: card";
    }
}
