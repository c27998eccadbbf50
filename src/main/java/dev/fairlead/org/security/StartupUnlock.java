package dev.fairlead.org.security;

import dev.fairlead.common.Viewer;
import dev.fairlead.org.UserService;
import dev.fairlead.org.persistence.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The safe way back in when every administrator is locked out (or an attacker keeps locking them):
 * someone with access to the server starts a node with {@code FAIRLEAD_UNLOCK=admin}; the accounts
 * named are unlocked through {@link UserService#unlock}, so the audit trail shows it like an unlock
 * from the users page. Unknown names are logged and skipped.
 */
@Component
@Order(1)
class StartupUnlock implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupUnlock.class);

    private final UserRepository users;
    private final UserService userService;
    private final SecurityProperties properties;

    StartupUnlock(UserRepository users, UserService userService, SecurityProperties properties) {
        this.users = users;
        this.userService = userService;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        properties.unlock().forEach(this::unlock);
    }

    void unlock(String username) {
        users.credentials(username).ifPresentOrElse(
                c -> {
                    userService.unlock(Viewer.system(), c.user().id());
                    log.warn("Unlocked '{}' at start-up (FAIRLEAD_UNLOCK); remove the setting once they are back in", username);
                },
                () -> log.warn("FAIRLEAD_UNLOCK names '{}', but no such user exists", username));
    }
}
