package dev.fairlead.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * Adds or changes a robot. {@code webhook}: the robot's webhook URL as the platform shows it (for
 * WeCom the key alone will do); on a change, null keeps the current one. {@code secret}: DingTalk's
 * 加签 or Feishu's signature secret; null keeps the current one, empty removes it (WeCom has none).
 * {@code locale}: {@code zh-CN} or {@code en}, the language of the team's messages.
 */
public record ChatChannelCommand(
        @NotNull ChatPlatform platform,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 500) String webhook,
        @Size(max = 200) String secret,
        @NotBlank String locale,
        Set<ChatEvent> events,
        Boolean active,
        Integer version) {}
