package dev.fairlead.common.web;

import dev.fairlead.common.Viewer;

/**
 * A number shown next to a navigation entry (unread messages, overdue tasks), contributed as a bean
 * by the module that owns the entry; zero shows nothing.
 */
public interface NavigationBadge {

    /** The {@link NavigationItem#id()} the number belongs to. */
    String navigationId();

    long count(Viewer viewer);
}
