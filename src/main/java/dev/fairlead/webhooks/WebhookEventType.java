package dev.fairlead.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** What a subscription can ask to be told about, by the name the payload's {@code type} carries. */
public enum WebhookEventType {
    LEAD_CREATED("lead.created", "lead"),
    LEAD_ASSIGNED("lead.assigned", "lead"),
    LEAD_REASSIGNED("lead.reassigned", "lead"),
    LEAD_POOLED("lead.pooled", "lead"),
    LEAD_CLAIMED("lead.claimed", "lead"),
    FOLLOW_UP_LOGGED("follow_up.logged", "follow_up"),
    DEAL_STAGE_CHANGED("deal.stage_changed", "deal"),
    DEAL_WON("deal.won", "deal"),
    DEAL_LOST("deal.lost", "deal"),
    GOAL_CHANGED("goal.changed", "goal");

    private final String code;
    private final String recordKind;

    WebhookEventType(String code, String recordKind) {
        this.code = code;
        this.recordKind = recordKind;
    }

    /** The name in the payload and in a subscription's event types, e.g. {@code lead.assigned}. */
    public String code() {
        return code;
    }

    /** The kind of record the event is about ({@code lead}, {@code deal} …). */
    public String recordKind() {
        return recordKind;
    }

    public static Optional<WebhookEventType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
