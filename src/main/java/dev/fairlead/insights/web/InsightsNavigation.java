package dev.fairlead.insights.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.HomePanel;
import dev.fairlead.common.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InsightsNavigation {

    @Bean
    NavigationItem dashboardNavigation() {
        return new NavigationItem("nav-insights", "/insights", "nav.insights", 55, Set.of());
    }

    @Bean
    NavigationItem alertsNavigation() {
        return new NavigationItem("nav-alerts", "/insights/alerts", "nav.alerts", 56, Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER));
    }

    @Bean
    HomePanel alertsHomePanel() {
        return new HomePanel("home-alerts", "insights.home.alerts", "/insights/home/alerts", HomePanel.ORDER_ALERTS,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER));
    }
}
