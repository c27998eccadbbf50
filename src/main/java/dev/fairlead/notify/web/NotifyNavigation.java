package dev.fairlead.notify.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.web.NavigationBadge;
import dev.fairlead.common.web.NavigationItem;
import dev.fairlead.notify.Inbox;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotifyNavigation {

    static final String INBOX = "nav-inbox";

    @Bean
    NavigationItem inboxNavigation() {
        return new NavigationItem(INBOX, "/inbox", "nav.inbox", 800, Set.of());
    }

    /** The unread count next to the inbox entry in the header. */
    @Bean
    NavigationBadge unreadMessages(Inbox inbox) {
        return new NavigationBadge() {
            @Override
            public String navigationId() {
                return INBOX;
            }

            @Override
            public long count(Viewer viewer) {
                return inbox.unreadCount(viewer);
            }
        };
    }
}
