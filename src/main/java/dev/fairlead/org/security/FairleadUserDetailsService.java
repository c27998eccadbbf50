package dev.fairlead.org.security;

import dev.fairlead.org.persistence.UserRepository;
import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class FairleadUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final Clock clock;

    FairleadUserDetailsService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.credentials(username)
                .map(c -> new FairleadPrincipal(c.user(), c.passwordHash(),
                        c.lockedUntil() != null && c.lockedUntil().isAfter(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
