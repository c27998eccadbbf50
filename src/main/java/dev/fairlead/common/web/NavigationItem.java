package dev.fairlead.common.web;

import dev.fairlead.common.Role;
import java.util.Set;

/**
 * One entry of the main navigation, contributed by the module that owns the page as a bean, so
 * the layout lists exactly the pages that exist. {@code roles} empty means everyone signed in.
 *
 * @param id element id (tests find links by it), e.g. {@code nav-reps}
 * @param path where it links, e.g. {@code /reps}
 * @param messageKey label in the message bundles
 * @param order position from the left
 */
public record NavigationItem(String id, String path, String messageKey, int order, Set<Role> roles) {

    public boolean visibleTo(Role role) {
        return roles.isEmpty() || roles.contains(role);
    }

    public boolean isActive(String currentPath) {
        return "/".equals(path) ? "/".equals(currentPath) : currentPath.startsWith(path);
    }
}
