package dev.fairlead.insights;

import dev.fairlead.common.PeriodKind;
import java.util.List;

/**
 * A report schedule: the team (null: a manager's own team; for directors and admins, the company), WEEK or
 * MONTH, the weekday of a weekly one (1 = Monday … 7 = Sunday), on or off, and the users who receive it.
 */
public record ReportScheduleCommand(Long teamId, PeriodKind kind, Integer weekday, Boolean enabled, List<Long> subscriberIds) {}
