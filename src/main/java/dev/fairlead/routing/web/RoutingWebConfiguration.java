package dev.fairlead.routing.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.HomePanel;
import dev.fairlead.common.web.NavigationItem;
import dev.fairlead.leads.LeadPagePanel;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RoutingWebConfiguration {

    @Bean
    NavigationItem routingNavigation() {
        return new NavigationItem("nav-routing", "/routing/rule-sets", "nav.routing", 40,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER));
    }

    @Bean
    NavigationItem ledgerNavigation() {
        return new NavigationItem("nav-ledger", "/routing/ledger", "nav.ledger", 45,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER)).in(NavigationItem.OPERATIONS);
    }

    @Bean
    NavigationItem rebalanceNavigation() {
        return new NavigationItem("nav-rebalance", "/routing/rebalance", "nav.rebalance", 46,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER)).in(NavigationItem.OPERATIONS);
    }

    @Bean
    NavigationItem waitingNavigation() {
        return new NavigationItem("nav-waiting", "/routing/waiting", "nav.waiting", 47,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER)).in(NavigationItem.OPERATIONS);
    }

    /** Managers' home: the leads that wait for their teams' working hours. */
    @Bean
    HomePanel waitingHomePanel() {
        return new HomePanel("home-waiting", "routing.home.waiting", "/routing/home/waiting", HomePanel.ORDER_WAITING_FOR_WORKING_HOURS,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER));
    }

    /** The lead page shows why the lead went where it went. */
    @Bean
    LeadPagePanel assignmentPanel() {
        return new LeadPagePanel("assignment-explanation", "routing.panel.title", "/routing/leads/{id}/explanation", 20);
    }
}
