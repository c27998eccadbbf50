package dev.fairlead.org.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt, before any password is checked (so it counts against no account), from a
 * client address that has had too many wrong passwords lately: {@code /login?throttled}. Behind a
 * proxy the address is the one the proxy reports, with {@code server.forward-headers-strategy} set
 * (README → Operations).
 */
class ClientLoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ClientLoginThrottleFilter.class);

    private final LoginThrottle throttle;

    ClientLoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (throttle.clientBlocked(request.getRemoteAddr())) {
            log.warn("Login attempt from {} refused: too many wrong passwords from this address", request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        chain.doFilter(request, response);
    }
}
