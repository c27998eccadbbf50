package dev.fairlead.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.audit.AuditEntry.FieldChange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTrailDifferencesTests {

    @Test
    void listsEveryFieldThatChanged() {
        Map<String, Object> before = Map.of("name", "王伟", "weight", 10, "tier", "REGULAR");
        Map<String, Object> after = Map.of("name", "王伟", "weight", 15, "tier", "SENIOR");

        assertThat(AuditTrail.differences(before, after)).containsExactlyInAnyOrder(
                new FieldChange("weight", 10, 15),
                new FieldChange("tier", "REGULAR", "SENIOR"));
    }

    @Test
    void ignoresTheVersionCounter() {
        Map<String, Object> before = Map.of("name", "上海一组", "version", 3);
        Map<String, Object> after = Map.of("name", "上海一组 Shanghai 1", "version", 4);

        assertThat(AuditTrail.differences(before, after))
                .containsExactly(new FieldChange("name", "上海一组", "上海一组 Shanghai 1"));
    }

    @Test
    void aCreationChangesEveryFieldFromNothing() {
        Map<String, Object> after = Map.of("name", "Emily Chen", "active", true);

        assertThat(AuditTrail.differences(null, after)).containsExactlyInAnyOrder(
                new FieldChange("name", null, "Emily Chen"),
                new FieldChange("active", null, true));
    }

    @Test
    void aFieldThatDisappearsChangesToNothing() {
        Map<String, Object> before = new HashMap<>(Map.of("email", "hu.jun@example.cn", "name", "胡军"));
        Map<String, Object> after = Map.of("name", "胡军");

        assertThat(AuditTrail.differences(before, after)).containsExactly(new FieldChange("email", "hu.jun@example.cn", null));
    }

    @Test
    void comparesNestedValuesByContent() {
        Map<String, Object> before = Map.of("territories", List.of(Map.of("kind", "CITY", "code", "440300")));
        Map<String, Object> same = Map.of("territories", List.of(Map.of("kind", "CITY", "code", "440300")));

        assertThat(AuditTrail.differences(before, same)).isEmpty();
    }

    @Test
    void nothingChangesBetweenTwoEmptySnapshots() {
        assertThat(AuditTrail.differences(null, null)).isEmpty();
    }
}
