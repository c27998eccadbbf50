package dev.fairlead.work.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.web.HomePanel;
import dev.fairlead.common.web.NavigationBadge;
import dev.fairlead.common.web.NavigationItem;
import dev.fairlead.deals.DealPagePanel;
import dev.fairlead.leads.LeadPagePanel;
import dev.fairlead.work.TaskService;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkNavigation {

    @Bean
    NavigationItem tasksNavigationItem() {
        return new NavigationItem("nav-tasks", "/tasks", "nav.tasks", 30, Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.REP));
    }

    @Bean
    HomePanel myDayHomePanel() {
        return new HomePanel("home-tasks", "work.home.tasks", "/work/home/tasks", HomePanel.ORDER_DUE, Set.of(Role.REP));
    }

    @Bean
    HomePanel teamTasksHomePanel() {
        return new HomePanel("home-team-tasks", "work.home.teamTasks", "/work/home/tasks", HomePanel.ORDER_DUE,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER));
    }

    @Bean
    HomePanel firstContactsHomePanel() {
        return new HomePanel("home-first-contacts", "work.home.firstContacts", "/work/home/first-contacts", HomePanel.ORDER_SLA,
                Set.of(Role.REP));
    }

    @Bean
    HomePanel slaBreachesHomePanel() {
        return new HomePanel("home-sla-breaches", "work.home.slaBreaches", "/work/home/sla-breaches", HomePanel.ORDER_SLA,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER));
    }

    @Bean
    NavigationItem slaNavigationItem() {
        return new NavigationItem("nav-sla", "/sla", "nav.sla", 50, Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER)).in(NavigationItem.OPERATIONS);
    }

    /** The number of the viewer's own overdue tasks next to "Tasks". */
    @Bean
    NavigationBadge overdueTasksBadge(TaskService tasks) {
        return new NavigationBadge() {
            @Override
            public String navigationId() {
                return "nav-tasks";
            }

            @Override
            public long count(Viewer viewer) {
                return viewer.repId() == null ? 0 : tasks.overdueCount(viewer);
            }
        };
    }

    @Bean
    LeadPagePanel followUpsPanel() {
        return new LeadPagePanel("work-follow-ups", "work.panel.followUps", "/work/leads/{id}/follow-ups", 20);
    }

    @Bean
    LeadPagePanel tasksPanel() {
        return new LeadPagePanel("work-tasks", "work.panel.tasks", "/work/leads/{id}/tasks", 30);
    }

    @Bean
    LeadPagePanel slaPanel() {
        return new LeadPagePanel("work-sla", "work.panel.sla", "/work/leads/{id}/sla", 40, LeadPagePanel.Place.SIDE);
    }

    @Bean
    LeadPagePanel timelinePanel() {
        return new LeadPagePanel("work-timeline", "work.panel.timeline", "/work/leads/{id}/timeline", 50);
    }

    @Bean
    DealPagePanel dealFollowUpsPanel() {
        return new DealPagePanel("work-deal-follow-ups", DealPagePanel.Page.DEAL, "work.panel.followUps", "/work/deals/{id}/follow-ups", 20);
    }

    @Bean
    DealPagePanel dealTasksPanel() {
        return new DealPagePanel("work-deal-tasks", DealPagePanel.Page.DEAL, "work.panel.tasks", "/work/deals/{id}/tasks", 30);
    }

    @Bean
    DealPagePanel customerFollowUpsPanel() {
        return new DealPagePanel("work-customer-follow-ups", DealPagePanel.Page.CUSTOMER, "work.panel.followUps",
                "/work/customers/{id}/follow-ups", 20);
    }

    @Bean
    DealPagePanel customerTasksPanel() {
        return new DealPagePanel("work-customer-tasks", DealPagePanel.Page.CUSTOMER, "work.panel.tasks",
                "/work/customers/{id}/tasks", 30);
    }
}
