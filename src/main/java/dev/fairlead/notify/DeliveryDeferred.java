package dev.fairlead.notify;

import java.time.Duration;

/**
 * Not now, and not a failure: the receiver asked Fairlead to slow down (a platform's rate-limit
 * answer, or the channel's own per-minute limit). The delivery waits {@code after} and is tried
 * again without using up one of its attempts.
 */
public class DeliveryDeferred extends Exception {

    private final Duration after;

    public DeliveryDeferred(Duration after, String reason) {
        super(reason);
        this.after = after;
    }

    public Duration after() {
        return after;
    }
}
