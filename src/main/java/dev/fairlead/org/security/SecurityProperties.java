package dev.fairlead.org.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Login throttling: after {@code maxFailedLogins} wrong passwords in a row the account is locked for {@code lockout}. */
@ConfigurationProperties("fairlead.security")
record SecurityProperties(int maxFailedLogins, Duration lockout) {

    SecurityProperties {
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    }
}
