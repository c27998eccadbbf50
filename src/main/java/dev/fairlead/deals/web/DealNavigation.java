package dev.fairlead.deals.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.HomePanel;
import dev.fairlead.common.web.NavigationItem;
import dev.fairlead.leads.LeadPagePanel;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DealNavigation {

    @Bean
    NavigationItem dealsNavigation() {
        return new NavigationItem("nav-deals", "/deals", "nav.deals", 40, Set.of());
    }

    @Bean
    HomePanel pipelineHomePanel() {
        return new HomePanel("home-pipeline", "deal.home.pipeline", "/deals/home/pipeline", HomePanel.ORDER_PIPELINE, Set.of(Role.REP));
    }

    /** The lead page shows the lead's deals and a "convert to deal" action. */
    @Bean
    LeadPagePanel leadDealsPanel() {
        return new LeadPagePanel("lead-deals", "deal.panel.title", "/deals/leads/{id}/panel", 40);
    }
}
