package dev.fairlead.notify.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.notify.Inbox;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class InboxPageController {

    private final Inbox inbox;

    InboxPageController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(defaultValue = "false") boolean unread, Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("items", inbox.list(viewer, unread, 200));
        model.addAttribute("unreadOnly", unread);
        return "notify/inbox";
    }

    /** Marks one message read; htmx swaps in the updated row. */
    @PostMapping("/inbox/{id}/read")
    String read(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("item", inbox.markRead(Viewers.require(), id));
        return htmx != null ? "notify/inbox-item :: item" : "redirect:/inbox";
    }

    @PostMapping("/inbox/read-all")
    String readAll() {
        inbox.markAllRead(Viewers.require());
        return "redirect:/inbox";
    }
}
