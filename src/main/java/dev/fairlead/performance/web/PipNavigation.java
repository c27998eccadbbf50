package dev.fairlead.performance.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PipNavigation {

    /** Managers and directors; a rep reaches their own plan from their scorecard, admins and finance never. */
    @Bean
    NavigationItem improvementPlansNavigation() {
        return new NavigationItem("nav-pips", "/performance/pips", "nav.pips", 57, Set.of(Role.DIRECTOR, Role.MANAGER));
    }
}
