package dev.fairlead.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as admins read it: the secret itself is shown once, when it is created; here only
 * its first characters, to tell secrets apart. {@code status} is ACTIVE, or FAILING since a delivery
 * was given up after 24 hours (a later successful delivery makes it ACTIVE again).
 */
public record WebhookSubscription(long id, String url, List<String> eventTypes, String description, String secretHint,
        String status, Instant failingSince, long ownerUserId, String ownerName, Instant createdAt, String createdBy) {

    public boolean failing() {
        return "FAILING".equals(status);
    }
}
