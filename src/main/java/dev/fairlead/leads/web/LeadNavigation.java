package dev.fairlead.leads.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.web.HomePanel;
import dev.fairlead.common.web.NavigationBadge;
import dev.fairlead.common.web.NavigationItem;
import dev.fairlead.leads.DataQualityService;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LeadNavigation {

    @Bean
    NavigationItem leadsNavigation() {
        return new NavigationItem("nav-leads", "/leads", "nav.leads", 30, Set.of());
    }

    @Bean
    HomePanel newLeadsHomePanel() {
        return new HomePanel("home-new-leads", "lead.home.newLeads", "/leads/home/new", HomePanel.ORDER_LEADS, Set.of(Role.REP));
    }

    @Bean
    HomePanel repLoadHomePanel() {
        return new HomePanel("home-rep-load", "lead.home.load", "/leads/home/load", HomePanel.ORDER_LEADS,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER));
    }

    /** The data-quality review list, for the people who resolve its items, with how many are open. */
    @Bean
    NavigationItem dataQualityNavigation() {
        return new NavigationItem("nav-data-quality", "/leads/data-quality", "nav.dataQuality", 35,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER)).in(NavigationItem.OPERATIONS);
    }

    @Bean
    NavigationBadge dataQualityBadge(DataQualityService dataQuality) {
        return new NavigationBadge() {
            @Override
            public String navigationId() {
                return "nav-data-quality";
            }

            @Override
            public long count(Viewer viewer) {
                return dataQuality.review(viewer, 0, 1).open();
            }
        };
    }
}
