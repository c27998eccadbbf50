package dev.fairlead.org.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first API token without the browser: {@code POST /api/tokens} with HTTP Basic (a login and its
 * password) authenticates that one request as the user, so a script can exchange an admin's password
 * for that admin's own token. The password is checked as the login form checks it and counts the same
 * way: wrong passwords lock the account ({@link LoginThrottle}), a client address with too many wrong
 * passwords gets 429 before any password is checked. Every refusal is the same 401, whatever was
 * wrong (unknown user, wrong password, locked). Basic authenticates nothing else, and no session is
 * made.
 */
final class BasicTokenExchangeFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BasicTokenExchangeFilter.class);
    private static final String BASIC = "Basic ";

    private final AuthenticationManager authentication;
    private final LoginThrottle throttle;
    private final AuthenticationEntryPoint entryPoint;
    private final ProblemWriter tooMany;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    /** Writes the 429 answer (a problem body) for a throttled client, waiting this long. */
    interface ProblemWriter {
        void write(HttpServletResponse response, Duration retryAfter) throws IOException;
    }

    BasicTokenExchangeFilter(AuthenticationManager authentication, LoginThrottle throttle, AuthenticationEntryPoint entryPoint,
            ProblemWriter tooMany) {
        this.authentication = authentication;
        this.throttle = throttle;
        this.entryPoint = entryPoint;
        this.tooMany = tooMany;
    }

    /** A token exchange: Basic credentials on {@code POST /api/tokens}. */
    static boolean isExchange(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return "POST".equals(request.getMethod()) && "/api/tokens".equals(request.getServletPath())
                && header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isExchange(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (throttle.clientBlocked(request.getRemoteAddr())) {
            log.warn("Token exchange from {} refused: too many wrong passwords from this address", request.getRemoteAddr());
            tooMany.write(response, throttle.clientWindow());
            return;
        }
        SecurityContextHolder.clearContext();
        try {
            UsernamePasswordAuthenticationToken attempt = credentials(request.getHeader("Authorization").substring(BASIC.length()).trim());
            attempt.setDetails(details.buildDetails(request));
            Authentication authenticated = authentication.authenticate(attempt);
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authenticated);
            SecurityContextHolder.setContext(context);
        } catch (AuthenticationException e) {
            entryPoint.commence(request, response, new BadCredentialsException("Wrong login or password"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static UsernamePasswordAuthenticationToken credentials(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("Malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new BadCredentialsException("Malformed Basic credentials");
        }
        return UsernamePasswordAuthenticationToken.unauthenticated(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
