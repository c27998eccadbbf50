package dev.fairlead.common.web;

import dev.fairlead.common.Role;
import java.util.Set;

/**
 * One entry of the main navigation, contributed by the module that owns the page as a bean, so
 * the layout lists exactly the pages that exist. {@code roles} empty means everyone signed in.
 * {@code roles} is who can use the page, not only who sees the link: the shell answers the page
 * itself with 403 to every other role, so give each entry the roles its page really serves.
 *
 * @param id element id (tests find links by it), e.g. {@code nav-reps}
 * @param path where it links, e.g. {@code /reps}
 * @param messageKey label in the message bundles
 * @param order position from the left
 * @param group message key of the menu the entry sits in (its id is derived from it), or null for the bar itself
 */
public record NavigationItem(String id, String path, String messageKey, int order, Set<Role> roles, String group) {

    /** Operations menu: configuration and oversight pages that are not part of the daily flow. */
    public static final String OPERATIONS = "nav.group.operations";
    /** Administration menu: users, tokens, webhooks. */
    public static final String ADMINISTRATION = "nav.group.admin";

    /** An entry on the bar itself. */
    public NavigationItem(String id, String path, String messageKey, int order, Set<Role> roles) {
        this(id, path, messageKey, order, roles, null);
    }

    /** The same entry, in a menu. */
    public NavigationItem in(String menu) {
        return new NavigationItem(id, path, messageKey, order, roles, menu);
    }

    public boolean visibleTo(Role role) {
        return roles.isEmpty() || roles.contains(role);
    }

    public boolean isActive(String currentPath) {
        return "/".equals(path) ? "/".equals(currentPath) : currentPath.startsWith(path);
    }
}
