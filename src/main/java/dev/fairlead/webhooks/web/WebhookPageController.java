package dev.fairlead.webhooks.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.common.web.NavigationItem;
import dev.fairlead.webhooks.IssuedSubscription;
import dev.fairlead.webhooks.WebhookCommand;
import dev.fairlead.webhooks.WebhookEventType;
import dev.fairlead.webhooks.WebhookSubscriptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' page of outbound webhooks: subscriptions, each one's delivery log, replay. */
@Controller
@RequestMapping("/admin/outbound-webhooks")
class WebhookPageController {

    private final WebhookSubscriptions subscriptions;
    private final FormErrors formErrors;

    WebhookPageController(WebhookSubscriptions subscriptions, FormErrors formErrors) {
        this.subscriptions = subscriptions;
        this.formErrors = formErrors;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("subscriptions", subscriptions.list(Viewers.require()));
        model.addAttribute("eventTypes", WebhookEventType.values());
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "webhooks/list";
    }

    @PostMapping
    String create(@RequestParam(required = false) String url, @RequestParam(required = false) List<String> eventTypes,
            @RequestParam(required = false) String secret, @RequestParam(required = false) String description,
            RedirectAttributes redirect) {
        try {
            IssuedSubscription issued = subscriptions.create(Viewers.require(), new WebhookCommand(url, eventTypes, secret, description));
            // flash attributes live in the (serialised) session: the secret as a string
            redirect.addFlashAttribute("issued", issued.secret());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        }
        return "redirect:/admin/outbound-webhooks";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("subscription", subscriptions.get(Viewers.require(), id));
        model.addAttribute("deliveries", subscriptions.deliveries(Viewers.require(), id));
        return "webhooks/deliveries";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id) {
        subscriptions.delete(Viewers.require(), id);
        return "redirect:/admin/outbound-webhooks";
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    String replay(@PathVariable long id, @PathVariable long deliveryId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("replayed", subscriptions.replay(Viewers.require(), id, deliveryId).id());
        return "redirect:/admin/outbound-webhooks/" + id;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem outboundWebhooksNavigationItem() {
            return new NavigationItem("nav-outbound-webhooks", "/admin/outbound-webhooks", "nav.outboundWebhooks", 925, Set.of(Role.ADMIN))
                    .in(NavigationItem.ADMINISTRATION);
        }
    }
}
