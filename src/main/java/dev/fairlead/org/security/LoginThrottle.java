package dev.fairlead.org.security;

import dev.fairlead.org.persistence.LoginFailureRepository;
import dev.fairlead.org.persistence.UserRepository;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords in the database (so every node sees the same count): per account, locking
 * it after too many in a row (a successful login resets the count), and per client address, which
 * {@link ClientLoginThrottleFilter} then stops from trying again for a while.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final UserRepository users;
    private final LoginFailureRepository failures;
    private final SecurityProperties properties;
    private final Clock clock;

    LoginThrottle(UserRepository users, LoginFailureRepository failures, SecurityProperties properties, Clock clock) {
        this.users = users;
        this.failures = failures;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether this client address has had too many wrong passwords within the window. */
    boolean clientBlocked(String client) {
        return failures.countSince(client, clock.instant().minus(properties.clientWindow())) >= properties.maxFailuresPerClient();
    }

    /** How long a blocked client address waits at most. */
    java.time.Duration clientWindow() {
        return properties.clientWindow();
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        Instant now = clock.instant();
        int count = users.recordFailedLogin(username, properties.maxFailedLogins(), now, now.plus(properties.lockout()));
        if (count >= properties.maxFailedLogins()) {
            log.warn("Login for '{}' locked after {} failed attempts", username, count);
        }
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            failures.record(details.getRemoteAddress(), now, now.minus(properties.clientWindow()));
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        users.recordSuccessfulLogin(event.getAuthentication().getName());
    }
}
