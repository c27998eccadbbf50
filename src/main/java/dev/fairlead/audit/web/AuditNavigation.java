package dev.fairlead.audit.web;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.NavigationItem;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationItem auditNavigationItem() {
        return new NavigationItem("nav-audit", "/audit", "nav.audit", 800,
                Set.of(Role.ADMIN, Role.DIRECTOR, Role.MANAGER, Role.FINANCE)).in(NavigationItem.OPERATIONS);
    }
}
