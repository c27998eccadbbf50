package dev.fairlead.leads.web;

import dev.fairlead.common.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LeadNavigation {

    @Bean
    NavigationItem leadsNavigation() {
        return new NavigationItem("nav-leads", "/leads", "nav.leads", 30, Set.of());
    }
}
