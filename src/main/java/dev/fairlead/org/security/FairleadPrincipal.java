package dev.fairlead.org.security;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.ViewerSource;
import dev.fairlead.org.User;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user as Spring Security sees it, carrying the viewer that scopes every query. */
final class FairleadPrincipal implements UserDetails, CredentialsContainer, ViewerSource {

    private final User user;
    private String passwordHash;
    private final boolean locked;

    FairleadPrincipal(User user, String passwordHash, boolean locked) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.locked = locked;
    }

    User user() {
        return user;
    }

    @Override
    public Viewer viewer() {
        return user.viewer();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return user.enabled();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
