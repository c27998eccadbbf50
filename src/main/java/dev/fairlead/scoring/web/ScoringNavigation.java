package dev.fairlead.scoring.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScoringNavigation {

    @Bean
    NavigationItem scoringNavigationItem() {
        return new NavigationItem("nav-scoring", "/scoring", "nav.scoring", 40, Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER)).in(NavigationItem.OPERATIONS);
    }
}
