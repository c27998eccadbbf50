package dev.fairlead.notify.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.notify.Inbox;
import dev.fairlead.notify.InboxItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Inbox", description = "The caller's in-app notifications")
@RequestMapping("/api/inbox")
class InboxApiController {

    private final Inbox inbox;

    InboxApiController(Inbox inbox) {
        this.inbox = inbox;
    }

    @Operation(operationId = "listInboxMessages")
    @GetMapping
    List<InboxItem> list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "100") int limit) {
        return inbox.list(Viewers.require(), unread, limit);
    }

    @Operation(operationId = "unreadInboxCount")
    @GetMapping("/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("unread", inbox.unreadCount(Viewers.require()));
    }

    @Operation(operationId = "markInboxMessageRead")
    @PostMapping("/{id}/read")
    InboxItem read(@PathVariable long id) {
        return inbox.markRead(Viewers.require(), id);
    }

    @Operation(operationId = "markAllInboxMessagesRead")
    @PostMapping("/read-all")
    Map<String, Integer> readAll() {
        return Map.of("marked", inbox.markAllRead(Viewers.require()));
    }
}
