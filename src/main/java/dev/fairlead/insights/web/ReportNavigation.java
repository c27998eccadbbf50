package dev.fairlead.insights.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReportNavigation {

    @Bean
    NavigationItem reportsNavigation() {
        return new NavigationItem("nav-reports", "/insights/reports", "nav.reports", 57,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.FINANCE));
    }
}
