package dev.fairlead.intake;

/** A webhook request that is not from a known source with a valid, fresh signature (answered with 401). */
public class WebhookRejected extends RuntimeException {

    public WebhookRejected(String message) {
        super(message);
    }
}
