package dev.fairlead.org;

/**
 * How to reach a person: their login (for the in-app inbox; null for a rep without one), name,
 * e-mail and the language they read Fairlead in ({@code en} or {@code zh-CN}).
 */
public record Contact(Long userId, String name, String email, String locale, Long repId, Long teamId) {}
