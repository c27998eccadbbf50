package dev.fairlead.org.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrgNavigation {

    /** Who works with the organisation's teams and reps (finance reads them); a rep has only her own record. */
    private static final Set<Role> ORGANISATION_READERS = Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.FINANCE);

    @Bean
    NavigationItem teamsNavigation() {
        return new NavigationItem("nav-teams", "/teams", "nav.teams", 10, ORGANISATION_READERS);
    }

    @Bean
    NavigationItem repsNavigation() {
        return new NavigationItem("nav-reps", "/reps", "nav.reps", 20, ORGANISATION_READERS);
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
