package dev.fairlead.chat;

import java.time.Instant;
import java.util.Set;

/**
 * A team's group robot as callers read it: the webhook with its token cut short and the signing
 * secret never shown ({@code signed} says whether one is set).
 */
public record ChatChannel(long id, long teamId, ChatPlatform platform, String name, String webhook, boolean signed,
        String locale, Set<ChatEvent> events, boolean active, Instant createdAt, int version) {

    public ChatChannel {
        events = Set.copyOf(events);
    }
}
