package dev.fairlead.common.web;

import dev.fairlead.common.Role;
import java.util.Set;

/**
 * A card of the home page's "my day" row, contributed by the module that knows the answer (what is
 * due, first contacts waiting, pool leads to claim …). The home page loads each card's HTML fragment
 * with htmx from {@code url}, so the shell needs no dependency on the modules that contribute.
 *
 * @param id element id of the card
 * @param titleKey message key of its heading
 * @param url fragment URL, answered for the signed-in viewer
 * @param order position from the left
 * @param roles who sees it; empty = everyone signed in
 */
public record HomePanel(String id, String titleKey, String url, int order, Set<Role> roles) {

    public boolean visibleTo(Role role) {
        return roles.isEmpty() || roles.contains(role);
    }
}
