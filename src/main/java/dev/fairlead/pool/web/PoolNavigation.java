package dev.fairlead.pool.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.HomePanel;
import dev.fairlead.common.web.NavigationItem;
import dev.fairlead.leads.LeadPagePanel;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PoolNavigation {

    @Bean
    NavigationItem poolNavigationItem() {
        return new NavigationItem("nav-pool", "/pool", "nav.pool", 40, Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP));
    }

    /** On the lead page: who owned the lead and when it went through a pool, with the release form. */
    @Bean
    LeadPagePanel poolLeadPanel() {
        return new LeadPagePanel("pool-panel", "pool.panel.title", "/pool/lead-panel/{id}", 60);
    }

    @Bean
    HomePanel poolHomePanel() {
        return new HomePanel("home-pool", "pool.home.title", "/pool/home", HomePanel.ORDER_POOL, Set.of(Role.REP));
    }

    /** The same card for managers: leads in the team's pools that nobody owns. */
    @Bean
    HomePanel unassignedHomePanel() {
        return new HomePanel("home-unassigned", "pool.home.unassigned", "/pool/home", HomePanel.ORDER_POOL,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER));
    }
}
