package dev.fairlead.org.security;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.UserCommand;
import dev.fairlead.org.UserService;
import dev.fairlead.org.persistence.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A production install starts without demo data and so without users: with
 * {@code FAIRLEAD_ADMIN_PASSWORD} set, the first start creates the login {@code admin} with it.
 * Runs before the demo loader, which loads only into a database with neither teams nor users.
 */
@Component
@Order(0)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final UserRepository users;
    private final UserService userService;
    private final String password;

    InitialAdmin(UserRepository users, UserService userService,
            @Value("${fairlead.initial-admin-password:}") String password) {
        this.users = users;
        this.userService = userService;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!password.isBlank() && users.count() == 0) {
            userService.create(Viewer.system(), new UserCommand("admin", "Administrator", null, Role.ADMIN, null, null,
                    "en", true, password, null));
            log.info("Created the initial administrator 'admin' from FAIRLEAD_ADMIN_PASSWORD");
        }
    }
}
