package dev.fairlead.org.security;

import dev.fairlead.org.persistence.UserRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session keeps the user as they were at login. Role, team and rep link can change since, so each
 * request reloads the user (one primary-key read) and a disabled user is logged out at once.
 */
final class PrincipalRefreshFilter extends OncePerRequestFilter {

    private final UserRepository users;

    PrincipalRefreshFilter(UserRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof FairleadPrincipal principal) {
            var fresh = users.find(principal.user().id()).filter(u -> u.enabled());
            if (fresh.isEmpty()) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                FairleadPrincipal refreshed = new FairleadPrincipal(fresh.get(), null, false);
                var token = UsernamePasswordAuthenticationToken.authenticated(refreshed, null, refreshed.getAuthorities());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(token);
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
