package dev.fairlead.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.web.NavigationItem;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NavigationEntryTests {

    private static NavigationItem item(String id, int order) {
        return new NavigationItem(id, "/" + id, "nav." + id, order, Set.of());
    }

    @Test
    void aMenuStandsWhereItsFirstItemWouldAndKeepsItsItemsInOrder() {
        List<NavigationEntry> entries = NavigationEntry.of(List.of(
                item("leads", 30), item("scoring", 40).in(NavigationItem.OPERATIONS), item("pool", 41),
                item("sla", 50).in(NavigationItem.OPERATIONS), item("users", 900).in(NavigationItem.ADMINISTRATION)));

        assertThat(entries).extracting(NavigationEntry::id)
                .containsExactly("leads", "nav-group-operations", "pool", "nav-group-admin");
        assertThat(entries.get(1).items()).extracting(NavigationItem::id).containsExactly("scoring", "sla");
        assertThat(entries.get(1).menu()).isTrue();
        assertThat(entries.get(0).menu()).isFalse();
        assertThat(entries.get(1).isActive("/sla")).isTrue();
        assertThat(entries.get(1).isActive("/pool")).isFalse();
    }
}
