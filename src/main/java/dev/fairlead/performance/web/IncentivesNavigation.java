package dev.fairlead.performance.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IncentivesNavigation {

    @Bean
    NavigationItem myPointsNavigation() {
        return new NavigationItem("nav-points", "/performance/points", "nav.points", 56, Set.of(Role.REP));
    }

    @Bean
    NavigationItem teamPointsNavigation() {
        return new NavigationItem("nav-points-team", "/performance/points/team", "nav.points.team", 56,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.FINANCE));
    }

    @Bean
    NavigationItem leaderboardsNavigation() {
        return new NavigationItem("nav-boards", "/performance/boards", "nav.boards", 57, Set.of(Role.values()));
    }
}
