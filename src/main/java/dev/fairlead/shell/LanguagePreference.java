package dev.fairlead.shell;

import dev.fairlead.common.Viewers;
import dev.fairlead.org.UserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** When a signed-in user switches language, remember it for their next login on any device. */
@Configuration(proxyBeanMethods = false)
class LanguagePreference implements WebMvcConfigurer {

    private final UserService users;

    LanguagePreference(UserService users) {
        this.users = users;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getParameter("lang");
                if (lang != null) {
                    Viewers.current().ifPresent(v -> users.setLocale(v, lang));
                }
                return true;
            }
        });
    }
}
