package dev.fairlead.org.security;

import dev.fairlead.org.persistence.UserRepository;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords in the database (so every node sees the same count) and locks the account
 * after too many; a successful login resets the count.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final UserRepository users;
    private final SecurityProperties properties;
    private final Clock clock;

    LoginThrottle(UserRepository users, SecurityProperties properties, Clock clock) {
        this.users = users;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        Instant now = clock.instant();
        int failures = users.recordFailedLogin(username, properties.maxFailedLogins(), now, now.plus(properties.lockout()));
        if (failures >= properties.maxFailedLogins()) {
            log.warn("Login for '{}' locked after {} failed attempts", username, failures);
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        users.recordSuccessfulLogin(event.getAuthentication().getName());
    }
}
