package dev.fairlead.notify;

import java.util.Optional;

/**
 * A way out of Fairlead to a person: e-mail today; DingTalk, WeCom and Feishu robots or a signed
 * webhook are further beans of this type. For every notification and every channel that can reach
 * the recipient a delivery is queued in the same transaction; the delivery job sends it later and
 * retries failures with back-off, so a channel only has to send one message and throw when it could not.
 */
public interface NotificationChannel {

    /** Stable short name stored with each delivery, e.g. {@code email}, {@code dingtalk}. */
    String name();

    /** Where this channel reaches the recipient (an e-mail address, a robot webhook); empty when it cannot. */
    Optional<String> address(Recipient recipient);

    /** Sends one message; an exception means "try again later". */
    void deliver(String address, Recipient recipient, Message message) throws Exception;
}
