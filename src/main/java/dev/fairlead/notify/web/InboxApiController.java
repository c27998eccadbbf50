package dev.fairlead.notify.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.notify.Inbox;
import dev.fairlead.notify.InboxItem;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/inbox")
class InboxApiController {

    private final Inbox inbox;

    InboxApiController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    List<InboxItem> list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "100") int limit) {
        return inbox.list(Viewers.require(), unread, limit);
    }

    @GetMapping("/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("unread", inbox.unreadCount(Viewers.require()));
    }

    @PostMapping("/{id}/read")
    InboxItem read(@PathVariable long id) {
        return inbox.markRead(Viewers.require(), id);
    }

    @PostMapping("/read-all")
    Map<String, Integer> readAll() {
        return Map.of("marked", inbox.markAllRead(Viewers.require()));
    }
}
