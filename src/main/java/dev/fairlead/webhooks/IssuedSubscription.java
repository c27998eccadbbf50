package dev.fairlead.webhooks;

/** A subscription just made, with its secret: the only answer that carries it. */
public record IssuedSubscription(WebhookSubscription subscription, String secret) {}
