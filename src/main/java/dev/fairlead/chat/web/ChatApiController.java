package dev.fairlead.chat.web;

import dev.fairlead.chat.ChatChannel;
import dev.fairlead.chat.ChatChannelCommand;
import dev.fairlead.chat.ChatChannels;
import dev.fairlead.chat.ChatIds;
import dev.fairlead.chat.ChatPlatform;
import dev.fairlead.common.Viewers;
import dev.fairlead.notify.DeliveryLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Chat robots", description = "A team's DingTalk, WeCom and Feishu/Lark group robots, what they are told, and their delivery logs")
class ChatApiController {

    private final ChatChannels channels;
    private final ChatIds ids;

    ChatApiController(ChatChannels channels, ChatIds ids) {
        this.channels = channels;
        this.ids = ids;
    }

    @GetMapping("/api/teams/{id}/chat-channels")
    @Operation(operationId = "listChatChannels", summary = "The team's robots (webhook tokens shortened, secrets never shown)")
    List<ChatChannel> list(@PathVariable long id) {
        return channels.list(Viewers.require(), id);
    }

    @PostMapping("/api/teams/{id}/chat-channels")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createChatChannel", summary = "Add a robot: platform, name, webhook URL (WeCom: or its key), optional signing secret, locale, events")
    ChatChannel create(@PathVariable long id, @RequestBody ChatChannelCommand cmd) {
        return channels.create(Viewers.require(), id, cmd);
    }

    @Operation(operationId = "getChatChannel")
    @GetMapping("/api/teams/{id}/chat-channels/{channelId}")
    ChatChannel get(@PathVariable long id, @PathVariable long channelId) {
        return channels.get(Viewers.require(), id, channelId);
    }

    @PutMapping("/api/teams/{id}/chat-channels/{channelId}")
    @Operation(operationId = "updateChatChannel", summary = "Change a robot: a null webhook or secret keeps the current one, an empty secret removes it")
    ChatChannel update(@PathVariable long id, @PathVariable long channelId, @RequestBody ChatChannelCommand cmd) {
        return channels.update(Viewers.require(), id, channelId, cmd);
    }

    @DeleteMapping("/api/teams/{id}/chat-channels/{channelId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteChatChannel", summary = "Remove a robot: messages still queued for it are marked failed")
    void delete(@PathVariable long id, @PathVariable long channelId) {
        channels.delete(Viewers.require(), id, channelId);
    }

    @PostMapping("/api/teams/{id}/chat-channels/{channelId}/test")
    @Operation(operationId = "sendChatChannelTestMessage", summary = "Send a test message now; answers its delivery log entry (SENT, or PENDING with the platform's error and a retry time)")
    DeliveryLog test(@PathVariable long id, @PathVariable long channelId) {
        return channels.test(Viewers.require(), id, channelId);
    }

    @GetMapping("/api/teams/{id}/chat-channels/{channelId}/deliveries")
    @Operation(operationId = "listChatChannelDeliveries", summary = "The robot's delivery log, newest first: status, attempts, the platform's error text, every attempt")
    List<DeliveryLog> deliveries(@PathVariable long id, @PathVariable long channelId, @RequestParam(defaultValue = "50") int limit) {
        return channels.deliveries(Viewers.require(), id, channelId, limit);
    }

    @GetMapping("/api/reps/{id}/chat-ids")
    @Operation(summary = "The ids the rep is @-mentioned by, per platform (DingTalk phone or user id, WeCom user id, Feishu open_id)")
    Map<ChatPlatform, String> chatIds(@PathVariable long id) {
        return ids.of(Viewers.require(), id);
    }

    @PutMapping("/api/reps/{id}/chat-ids")
    @Operation(summary = "Set the rep's chat ids (all of them: a platform left out or blank is removed)")
    Map<ChatPlatform, String> setChatIds(@PathVariable long id, @RequestBody Map<ChatPlatform, String> body) {
        return ids.set(Viewers.require(), id, body);
    }
}
