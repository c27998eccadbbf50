package dev.fairlead.insights.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.HomePanel;
import dev.fairlead.common.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The review page (managers and up) and the fairness question on the reps' home. */
@Configuration(proxyBeanMethods = false)
class ReviewNavigation {

    @Bean
    NavigationItem reviewNavigationItem() {
        return new NavigationItem("nav-review", "/insights/review", "nav.review", 57, Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER))
                .in(NavigationItem.OPERATIONS);
    }

    @Bean
    NavigationItem feedbackNavigationItem() {
        return new NavigationItem("nav-feedback", "/insights/feedback", "nav.feedback", 58, Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER,
                Role.REP));
    }

    @Bean
    HomePanel feedbackHomePanel() {
        return new HomePanel("home-feedback", "insights.home.feedback", "/insights/home/feedback", HomePanel.ORDER_ALERTS + 1,
                Set.of(Role.REP));
    }
}
