package dev.fairlead.chat.web;

import dev.fairlead.chat.ChatChannel;
import dev.fairlead.chat.ChatChannelCommand;
import dev.fairlead.chat.ChatChannels;
import dev.fairlead.chat.ChatEvent;
import dev.fairlead.chat.ChatIds;
import dev.fairlead.chat.ChatPlatform;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.notify.DeliveryLog;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A team's chat robots, one robot with its delivery log, and the reps' chat ids, as pages. */
@Controller
class ChatPageController {

    private final ChatChannels channels;
    private final ChatIds ids;
    private final TeamService teams;
    private final RepService reps;
    private final FormErrors formErrors;

    ChatPageController(ChatChannels channels, ChatIds ids, TeamService teams, RepService reps, FormErrors formErrors) {
        this.channels = channels;
        this.ids = ids;
        this.teams = teams;
        this.reps = reps;
        this.formErrors = formErrors;
    }

    @GetMapping("/teams/{id}/chat")
    String team(@PathVariable long id, Model model) {
        Viewer viewer = Viewers.require();
        List<ChatChannel> robots = channels.list(viewer, id);
        model.addAttribute("team", teams.get(viewer, id));
        model.addAttribute("robots", robots);
        List<Rep> members = reps.list(viewer, new RepQuery(id, null, null, true));
        Map<Long, Map<ChatPlatform, String>> memberIds = new LinkedHashMap<>();
        members.forEach(r -> memberIds.put(r.id(), ids.of(viewer, r.id())));
        model.addAttribute("members", members);
        model.addAttribute("memberIds", memberIds);
        common(model);
        return "teams/chat";
    }

    @GetMapping("/teams/{id}/chat/{channelId}")
    String robot(@PathVariable long id, @PathVariable long channelId, Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("team", teams.get(viewer, id));
        model.addAttribute("robot", channels.get(viewer, id, channelId));
        List<DeliveryLog> log = channels.deliveries(viewer, id, channelId, 100);
        model.addAttribute("log", log);
        common(model);
        return "teams/chat-robot";
    }

    @PostMapping("/teams/{id}/chat")
    String create(@PathVariable long id, @RequestParam(required = false) ChatPlatform platform, @RequestParam(required = false) String name,
            @RequestParam(required = false) String webhook, @RequestParam(required = false) String secret,
            @RequestParam(required = false) String locale, @RequestParam(required = false) String leads,
            @RequestParam(required = false) Set<ChatEvent> events, Model model, RedirectAttributes redirect) {
        ChatChannelCommand cmd = new ChatChannelCommand(platform, name, webhook, secret == null || secret.isBlank() ? null : secret,
                locale, events(leads, events), true, null);
        try {
            ChatChannel created = channels.create(Viewers.require(), id, cmd);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/teams/" + id + "/chat/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("form", cmd);
            return team(id, model);
        }
    }

    @PostMapping("/teams/{id}/chat/{channelId}")
    String update(@PathVariable long id, @PathVariable long channelId, @RequestParam(required = false) String name,
            @RequestParam(required = false) String webhook, @RequestParam(required = false) String secret,
            @RequestParam(defaultValue = "false") boolean removeSecret, @RequestParam(required = false) String locale,
            @RequestParam(required = false) String leads, @RequestParam(required = false) Set<ChatEvent> events,
            @RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) Integer version,
            Model model, RedirectAttributes redirect) {
        ChatChannel current = channels.get(Viewers.require(), id, channelId);
        String newSecret = removeSecret ? "" : secret == null || secret.isBlank() ? null : secret;
        ChatChannelCommand cmd = new ChatChannelCommand(current.platform(), name, webhook == null || webhook.isBlank() ? null : webhook,
                newSecret, locale, events(leads, events), active, version);
        return attempt(id, channelId, model, redirect, () -> channels.update(Viewers.require(), id, channelId, cmd));
    }

    @PostMapping("/teams/{id}/chat/{channelId}/test")
    String test(@PathVariable long id, @PathVariable long channelId, RedirectAttributes redirect) {
        DeliveryLog result = channels.test(Viewers.require(), id, channelId);
        // flash attributes live in the (serialised) session: plain strings only
        redirect.addFlashAttribute("testStatus", result.status());
        redirect.addFlashAttribute("testError", result.lastError());
        return "redirect:/teams/" + id + "/chat/" + channelId;
    }

    @PostMapping("/teams/{id}/chat/{channelId}/delete")
    String delete(@PathVariable long id, @PathVariable long channelId, RedirectAttributes redirect) {
        channels.delete(Viewers.require(), id, channelId);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/teams/" + id + "/chat";
    }

    @PostMapping("/teams/{id}/chat/reps/{repId}")
    String setIds(@PathVariable long id, @PathVariable long repId, @RequestParam(required = false) String dingtalk,
            @RequestParam(required = false) String wecom, @RequestParam(required = false) String feishu, Model model,
            RedirectAttributes redirect) {
        Map<ChatPlatform, String> values = new EnumMap<>(ChatPlatform.class);
        put(values, ChatPlatform.DINGTALK, dingtalk);
        put(values, ChatPlatform.WECOM, wecom);
        put(values, ChatPlatform.FEISHU, feishu);
        try {
            ids.set(Viewers.require(), repId, values);
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            formErrors.of(e).forEach((field, message) -> errors.put("rep-" + repId + "-" + field, message));
            model.addAttribute("errors", errors);
            return team(id, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/teams/" + id + "/chat";
    }

    private String attempt(long id, long channelId, Model model, RedirectAttributes redirect, Supplier<?> change) {
        try {
            change.get();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e));
            return robot(id, channelId, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/teams/" + id + "/chat/" + channelId;
    }

    private static void put(Map<ChatPlatform, String> values, ChatPlatform platform, String value) {
        if (value != null && !value.isBlank()) {
            values.put(platform, value);
        }
    }

    /** The lead choice (none, grade A only, all) and the other events, as one set. */
    private static Set<ChatEvent> events(String leads, Set<ChatEvent> others) {
        Set<ChatEvent> events = EnumSet.noneOf(ChatEvent.class);
        if (others != null) {
            others.stream().filter(e -> e != ChatEvent.LEAD_ASSIGNED && e != ChatEvent.LEAD_ASSIGNED_A).forEach(events::add);
        }
        if ("A".equals(leads)) {
            events.add(ChatEvent.LEAD_ASSIGNED_A);
        } else if ("ALL".equals(leads)) {
            events.add(ChatEvent.LEAD_ASSIGNED);
        }
        return events;
    }

    private static void common(Model model) {
        model.addAttribute("platforms", ChatPlatform.values());
        model.addAttribute("otherEvents", List.of(ChatEvent.SLA_WARNING, ChatEvent.SLA_BREACH, ChatEvent.POOL_WARNING, ChatEvent.DEAL_WON));
        if (model.getAttribute("errors") == null) {
            model.addAttribute("errors", Map.of());
        }
    }
}
