package dev.fairlead.notify;

/** The delivery can never succeed (its robot was removed): it is marked failed at once, not retried. */
public class DeliveryRefused extends Exception {

    public DeliveryRefused(String reason) {
        super(reason);
    }
}
