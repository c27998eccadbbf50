package dev.fairlead.notify;

/**
 * A notification as written for one recipient, in their language; {@code link} is an absolute URL or null;
 * {@code mention} is who a group robot should @-mention (a platform user id or phone), null for none.
 */
public record Message(long notificationId, String kind, String title, String body, String link, String mention) {}
