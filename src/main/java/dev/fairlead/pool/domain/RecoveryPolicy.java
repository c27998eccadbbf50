package dev.fairlead.pool.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a pool takes a lead back from its owner. A lead is due for recovery {@code N} days after the
 * later of its assignment and its last follow-up (no follow-up), or {@code M} days after assignment
 * (no deal), whichever comes first; its owner is warned {@code K} days before. Locked leads and
 * leads with an open deal are exempt.
 */
public final class RecoveryPolicy {

    /** What recovery needs to know about one owned lead. */
    public record Facts(Instant assignedAt, Instant lastFollowUpAt, boolean locked, boolean openDeal) {}

    /** The pool's rule for the lead's grade. */
    public record Rule(Integer noFollowUpDays, Integer noDealDays, int warnDays) {}

    public enum Kind { NO_FOLLOW_UP, NO_DEAL }

    public sealed interface Verdict {}

    /** Locked or with an open deal: never recovered while that holds. */
    public record Exempt() implements Verdict {}

    /** Not due yet, nor within the warning period. */
    public record Keep(Kind kind, Instant dueAt) implements Verdict {}

    /** Due within the warning period: tell the owner. */
    public record Warn(Kind kind, Instant dueAt, int days) implements Verdict {}

    /** Due: back to the pool. {@code days} is the rule's N or M, for the explanation. */
    public record Recover(Kind kind, Instant dueAt, int days) implements Verdict {}

    private RecoveryPolicy() {}

    public static Verdict evaluate(Facts lead, Rule rule, Instant now) {
        if (lead.locked() || lead.openDeal() || lead.assignedAt() == null) {
            return new Exempt();
        }
        Kind kind = null;
        Instant due = null;
        int days = 0;
        if (rule.noFollowUpDays() != null) {
            Instant last = lead.lastFollowUpAt() != null && lead.lastFollowUpAt().isAfter(lead.assignedAt())
                    ? lead.lastFollowUpAt() : lead.assignedAt();
            kind = Kind.NO_FOLLOW_UP;
            due = last.plus(Duration.ofDays(rule.noFollowUpDays()));
            days = rule.noFollowUpDays();
        }
        if (rule.noDealDays() != null) {
            Instant dealDue = lead.assignedAt().plus(Duration.ofDays(rule.noDealDays()));
            if (due == null || dealDue.isBefore(due)) {
                kind = Kind.NO_DEAL;
                due = dealDue;
                days = rule.noDealDays();
            }
        }
        if (due == null) {
            return new Exempt();
        }
        if (!now.isBefore(due)) {
            return new Recover(kind, due, days);
        }
        if (!now.isBefore(due.minus(Duration.ofDays(rule.warnDays())))) {
            return new Warn(kind, due, days);
        }
        return new Keep(kind, due);
    }
}
