package dev.fairlead.credit.web;

import dev.fairlead.common.web.NavigationItem;
import dev.fairlead.deals.DealPagePanel;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CreditNavigation {

    @Bean
    NavigationItem creditQueueNavigation() {
        return new NavigationItem("nav-credit", "/credit/queue", "nav.credit", 56, Set.of());
    }

    @Bean
    DealPagePanel creditDealPanel() {
        return new DealPagePanel("credit-deal-split", DealPagePanel.Page.DEAL, "credit.panel.title", "/credit/deals/{id}/panel", 10);
    }
}
