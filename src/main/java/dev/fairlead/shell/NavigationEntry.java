package dev.fairlead.shell;

import dev.fairlead.common.web.NavigationItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One place on the navigation bar: a link, or a menu of links (the items that name the same
 * {@link NavigationItem#group()}, standing where its first item would).
 *
 * @param id element id: the item's, or {@code nav-group-…} for a menu
 * @param labelKey message key of the label
 * @param items the link (one, for a plain entry) or the menu's links, in order
 * @param menu whether this is a menu
 */
public record NavigationEntry(String id, String labelKey, List<NavigationItem> items, boolean menu) {

    public NavigationItem item() {
        return items.get(0);
    }

    public boolean isActive(String currentPath) {
        return items.stream().anyMatch(i -> i.isActive(currentPath));
    }

    /** Groups {@code ordered} items into entries; a menu takes the place of its first item. */
    static List<NavigationEntry> of(List<NavigationItem> ordered) {
        Map<String, List<NavigationItem>> menus = new LinkedHashMap<>();
        List<Object> slots = new ArrayList<>();
        for (NavigationItem item : ordered) {
            if (item.group() == null) {
                slots.add(item);
            } else {
                menus.computeIfAbsent(item.group(), g -> {
                    slots.add(g);
                    return new ArrayList<>();
                }).add(item);
            }
        }
        return slots.stream().map(slot -> slot instanceof NavigationItem item
                        ? new NavigationEntry(item.id(), item.messageKey(), List.of(item), false)
                        : new NavigationEntry("nav-group-" + ((String) slot).substring(((String) slot).lastIndexOf('.') + 1),
                                (String) slot, List.copyOf(menus.get(slot)), true))
                .toList();
    }
}
