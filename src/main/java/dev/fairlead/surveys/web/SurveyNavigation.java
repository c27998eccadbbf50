package dev.fairlead.surveys.web;

import dev.fairlead.deals.DealPagePanel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The satisfaction panels of the deal page and of the customer page. */
@Configuration(proxyBeanMethods = false)
class SurveyNavigation {

    @Bean
    DealPagePanel dealSatisfactionPanel() {
        return new DealPagePanel("surveys-deal", DealPagePanel.Page.DEAL, "surveys.panel.title", "/surveys/deals/{id}/panel", 40);
    }

    @Bean
    DealPagePanel customerSatisfactionPanel() {
        return new DealPagePanel("surveys-customer", DealPagePanel.Page.CUSTOMER, "surveys.panel.title", "/surveys/customers/{id}/panel", 40);
    }
}
