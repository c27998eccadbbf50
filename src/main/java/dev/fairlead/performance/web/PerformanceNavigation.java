package dev.fairlead.performance.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PerformanceNavigation {

    @Bean
    NavigationItem myScorecardNavigation() {
        return new NavigationItem("nav-performance", "/performance", "nav.performance", 55, Set.of(Role.REP));
    }

    @Bean
    NavigationItem teamScorecardsNavigation() {
        return new NavigationItem("nav-performance-team", "/performance/team", "nav.performance.team", 55,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.FINANCE));
    }

    @Bean
    NavigationItem kpiSchemesNavigation() {
        return new NavigationItem("nav-performance-schemes", "/performance/schemes", "nav.performance.schemes", 45,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER)).in(NavigationItem.OPERATIONS);
    }
}
