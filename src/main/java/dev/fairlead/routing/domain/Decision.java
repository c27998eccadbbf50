package dev.fairlead.routing.domain;

import java.util.List;

/** The engine's answer for one lead. A lead always gets one of these: never left without owner or pool place. */
public sealed interface Decision {

    Explanation explanation();

    record Assigned(long repId, String ruleKey, Explanation explanation, List<StateUpdate> updates) implements Decision {}

    record Pooled(Long poolId, Explanation explanation) implements Decision {}
}
