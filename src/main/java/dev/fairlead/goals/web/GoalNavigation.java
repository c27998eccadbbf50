package dev.fairlead.goals.web;

import dev.fairlead.common.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GoalNavigation {

    @Bean
    NavigationItem goalsNavigation() {
        return new NavigationItem("nav-goals", "/goals", "nav.goals", 50, Set.of());
    }
}
