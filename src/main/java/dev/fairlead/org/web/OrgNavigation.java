package dev.fairlead.org.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrgNavigation {

    @Bean
    NavigationItem teamsNavigation() {
        return new NavigationItem("nav-teams", "/teams", "nav.teams", 10, Set.of());
    }

    @Bean
    NavigationItem repsNavigation() {
        return new NavigationItem("nav-reps", "/reps", "nav.reps", 20, Set.of());
    }

    @Bean
    NavigationItem usersNavigation() {
        return new NavigationItem("nav-users", "/admin/users", "nav.users", 900, Set.of(Role.ADMIN)).in(NavigationItem.ADMINISTRATION);
    }

    @Bean
    NavigationItem tokensNavigation() {
        return new NavigationItem("nav-tokens", "/admin/tokens", "nav.tokens", 910, Set.of(Role.ADMIN)).in(NavigationItem.ADMINISTRATION);
    }
}
