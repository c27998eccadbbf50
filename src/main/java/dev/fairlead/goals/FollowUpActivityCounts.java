package dev.fairlead.goals;

import dev.fairlead.common.UnitPeriod;
import dev.fairlead.work.FollowUpKind;
import dev.fairlead.work.FollowUpStatistics;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Follow-ups (any kind) and visits (follow-ups of kind VISIT) as the work module records them. */
@Component
class FollowUpActivityCounts implements ActivityCounts {

    private final FollowUpStatistics followUps;

    FollowUpActivityCounts(FollowUpStatistics followUps) {
        this.followUps = followUps;
    }

    @Override
    public Map<String, Long> count(Activity activity, List<UnitPeriod> windows) {
        return followUps.count(activity == Activity.VISIT ? FollowUpKind.VISIT : null, windows);
    }
}
