package dev.fairlead.goals.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.HomePanel;
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

    @Bean
    HomePanel quotaHomePanel() {
        return new HomePanel("home-quota", "goal.home.quota", "/goals/home/mine", HomePanel.ORDER_PACE, Set.of(Role.REP));
    }

    @Bean
    HomePanel teamPaceHomePanel() {
        return new HomePanel("home-team-pace", "goal.home.teamPace", "/goals/home/team", HomePanel.ORDER_PACE,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.FINANCE));
    }
}
