package dev.fairlead.goals;

import dev.fairlead.common.UnitPeriod;
import java.util.List;
import java.util.Map;

/**
 * The port through which goals count follow-ups and visits. It is implemented by the module that
 * records activities (a bean of this type); until one exists, goals on these metrics are refused.
 */
public interface ActivityCounts {

    enum Activity { FOLLOW_UP, VISIT }

    /** How many activities of the kind were logged in each unit and period, by {@link UnitPeriod#key()}. */
    Map<String, Long> count(Activity activity, List<UnitPeriod> windows);
}
