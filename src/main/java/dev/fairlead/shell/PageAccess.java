package dev.fairlead.shell;

import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.NavigationItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The page a navigation entry links to is for the roles the entry names, and no one else: opening
 * it (a full page, not an htmx fragment) as another role answers 403 with the forbidden page rather
 * than an empty list or a form its services would refuse. So the navigation and the pages cannot
 * disagree about who may use them. Records stay guarded by their services; this is the page's door.
 */
@Configuration(proxyBeanMethods = false)
class PageAccess implements WebMvcConfigurer {

    private final List<NavigationItem> navigation;

    PageAccess(List<NavigationItem> navigation) {
        this.navigation = List.copyOf(navigation);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if ("GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null) {
                    String path = request.getRequestURI().substring(request.getContextPath().length());
                    Viewers.current().flatMap(viewer -> refused(viewer, path)).ifPresent(item -> {
                        throw new ForbiddenException("Page " + item.path() + " is not for role " + Viewers.require().role());
                    });
                }
                return true;
            }
        });
    }

    /** The navigation entry whose page this is, when the viewer's role may not use it. */
    Optional<NavigationItem> refused(Viewer viewer, String path) {
        return navigation.stream().filter(item -> item.path().equals(path) && !item.visibleTo(viewer.role())).findFirst();
    }
}
