package dev.fairlead.notify;

import java.util.Locale;

/** A person a notification goes to, as channels see them. {@code userId} is null for a rep without a login. */
public record Recipient(Long userId, String name, String email, Locale locale, Long repId, Long teamId) {}
