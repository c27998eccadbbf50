package dev.fairlead.notify;

import java.util.Optional;

/**
 * A way out of Fairlead: e-mail to a person, or a team's chat robot. For every notification and
 * every channel that can reach the recipient a delivery is queued in the same transaction (a team
 * robot's deliveries are queued by {@link Notifications#toChannel}); the delivery job sends it later
 * and retries failures with back-off, so a channel only has to send one message and throw when it
 * could not: {@link DeliveryDeferred} to slow down, {@link DeliveryRefused} when it never will, any
 * other exception to be retried with back-off.
 */
public interface NotificationChannel {

    /** Stable short name stored with each delivery, e.g. {@code email}, {@code dingtalk}. */
    String name();

    /** Where this channel reaches the recipient (an e-mail address); empty when it cannot. */
    Optional<String> address(Recipient recipient);

    /** Sends one message; an exception means "try again later". */
    void deliver(String address, Recipient recipient, Message message) throws Exception;

    /** Messages one address takes per minute at most (a robot's documented limit); 0 for no limit. */
    default int perMinute() {
        return 0;
    }
}
