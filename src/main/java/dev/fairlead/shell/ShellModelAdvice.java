package dev.fairlead.shell;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import jakarta.servlet.http.HttpServletRequest;
import dev.fairlead.common.web.NavigationBadge;
import dev.fairlead.common.web.NavigationItem;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in, the language, and the path for the language switch. */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

    private final List<NavigationItem> navigation;
    private final List<NavigationBadge> badges;

    ShellModelAdvice(List<NavigationItem> navigation, List<NavigationBadge> badges) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.badges = badges;
    }

    /** The navigation entries the signed-in user's role may use, in order, menus grouped. */
    @ModelAttribute("navigation")
    List<NavigationEntry> navigation() {
        return Viewers.current()
                .map(v -> NavigationEntry.of(navigation.stream().filter(item -> item.visibleTo(v.role())).toList()))
                .orElse(List.of());
    }

    /** Numbers next to navigation entries (unread messages …), by navigation id; only non-zero ones. */
    @ModelAttribute("navigationBadges")
    Map<String, Long> navigationBadges() {
        Map<String, Long> counts = new HashMap<>();
        Viewers.current().ifPresent(v -> badges.forEach(b -> {
            long n = b.count(v);
            if (n > 0) {
                counts.put(b.navigationId(), n);
            }
        }));
        return counts;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return Viewers.current().orElse(null);
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("chinese")
    boolean chinese() {
        return Locale.SIMPLIFIED_CHINESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
