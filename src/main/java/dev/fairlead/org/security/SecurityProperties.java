package dev.fairlead.org.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling. After {@code maxFailedLogins} wrong passwords in a row an account is locked for
 * {@code lockout}; after {@code maxFailuresPerClient} wrong passwords from one client address within
 * {@code clientWindow} (for any usernames) that address may not try again until the window has
 * moved on, so one address can neither guess for ever nor lock every account. {@code unlock}: users
 * unlocked when the node starts (the way back in when every admin is locked out).
 */
@ConfigurationProperties("fairlead.security")
record SecurityProperties(int maxFailedLogins, Duration lockout, int maxFailuresPerClient, Duration clientWindow, List<String> unlock) {

    SecurityProperties {
        maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
        maxFailuresPerClient = maxFailuresPerClient <= 0 ? 20 : maxFailuresPerClient;
        clientWindow = clientWindow == null ? Duration.ofMinutes(15) : clientWindow;
        unlock = unlock == null ? List.of() : unlock.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
    }
}
