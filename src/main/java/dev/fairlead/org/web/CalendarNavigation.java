package dev.fairlead.org.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarNavigation {

    /** The public holiday calendar; team calendars are reached from the team list. */
    @Bean
    NavigationItem holidaysNavigation() {
        return new NavigationItem("nav-holidays", "/calendar/holidays", "nav.holidays", 48,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER)).in(NavigationItem.OPERATIONS);
    }
}
