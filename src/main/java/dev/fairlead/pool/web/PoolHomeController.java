package dev.fairlead.pool.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.pool.Pool;
import dev.fairlead.pool.PoolRecovery;
import dev.fairlead.pool.PoolService;
import dev.fairlead.pool.UpcomingRecovery;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page's pool card: leads waiting in the viewer's pools, and own (or team) leads about to be taken back. */
@Controller
class PoolHomeController {

    static final int RECOVERY_HORIZON_DAYS = 3;

    private final PoolService pools;
    private final PoolRecovery recovery;

    PoolHomeController(PoolService pools, PoolRecovery recovery) {
        this.pools = pools;
        this.recovery = recovery;
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
        return "pool/home :: card";
    }
}
