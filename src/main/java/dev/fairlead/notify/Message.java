package dev.fairlead.notify;

/** A notification as written for one recipient, in their language; {@code link} is an absolute URL or null. */
public record Message(long notificationId, String kind, String title, String body, String link) {}
