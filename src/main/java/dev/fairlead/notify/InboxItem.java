package dev.fairlead.notify;

import java.time.Instant;

/** One message in a user's in-app inbox. */
public record InboxItem(long id, String kind, String title, String body, String link, Instant createdAt, Instant readAt) {

    public boolean read() {
        return readAt != null;
    }
}
