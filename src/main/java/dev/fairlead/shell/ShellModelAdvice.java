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
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
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

    /**
     * Numbers next to navigation entries (unread messages …), by navigation id; only non-zero ones.
     * Not for API calls: {@code @RestController}s are {@code @Controller}s too, and their JSON has no
     * navigation, so counting there only cost every API request a query.
     */
    @ModelAttribute("navigationBadges")
    Map<String, Long> navigationBadges(HttpServletRequest request) {
        if (!rendersPage(request)) {
            return Map.of();
        }
        Map<String, Long> counts = new HashMap<>();
        Viewers.current().ifPresent(v -> badges.forEach(b -> {
            long n = b.count(v);
            if (n > 0) {
                counts.put(b.navigationId(), n);
            }
        }));
        return counts;
    }

    /** False when the handler writes its response body itself (REST controllers, {@code @ResponseBody} methods). */
    static boolean rendersPage(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler) {
            return !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                    && !handler.hasMethodAnnotation(ResponseBody.class);
        }
        return true;
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
