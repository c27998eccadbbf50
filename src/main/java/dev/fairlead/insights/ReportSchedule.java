package dev.fairlead.insights;

import java.util.List;

/** A team's (or, with {@code teamId} null, the company's) weekly or monthly report schedule and who receives it. */
public record ReportSchedule(long id, Long teamId, String teamName, String kind, Integer weekday, boolean enabled,
        List<Subscriber> subscribers, int version) {

    public record Subscriber(long userId, String username, String displayName, String locale) {}
}
