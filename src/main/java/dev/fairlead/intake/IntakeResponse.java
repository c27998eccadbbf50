package dev.fairlead.intake;

/** An HTTP response as first given for an idempotency key; {@code replayed} when this is a repeat of it. */
public record IntakeResponse(int status, String body, boolean replayed) {}
