package dev.fairlead.intake.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.common.web.NavigationItem;
import dev.fairlead.intake.WebhookIntake;
import dev.fairlead.intake.WebhookSource;
import dev.fairlead.leads.LeadSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins register web forms and ad platforms that may post leads, each with a secret shown once. */
@Controller
class WebhookAdminController {

    private final WebhookIntake webhooks;
    private final FormErrors formErrors;

    WebhookAdminController(WebhookIntake webhooks, FormErrors formErrors) {
        this.webhooks = webhooks;
        this.formErrors = formErrors;
    }

    @GetMapping("/admin/webhooks")
    String list(Model model) {
        model.addAttribute("sources", webhooks.list(Viewers.require()));
        model.addAttribute("leadSources", LeadSource.values());
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "imports/webhooks";
    }

    @PostMapping("/admin/webhooks")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) LeadSource leadSource,
            RedirectAttributes redirect) {
        try {
            WebhookIntake.IssuedSecret issued = webhooks.create(Viewers.require(), name, leadSource);
            redirect.addFlashAttribute("issued", issued);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        }
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/admin/webhooks/{id}/rotate")
    String rotate(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("issued", webhooks.rotate(Viewers.require(), id));
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/admin/webhooks/{id}/active")
    String active(@PathVariable long id, @RequestParam boolean active) {
        webhooks.setActive(Viewers.require(), id, active);
        return "redirect:/admin/webhooks";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem webhooksNavigationItem() {
            return new NavigationItem("nav-webhooks", "/admin/webhooks", "nav.webhooks", 920, Set.of(Role.ADMIN)).in(NavigationItem.ADMINISTRATION);
        }
    }

    @RestController
    @RequestMapping("/api/webhook-sources")
    @Tag(name = "Webhook sources", description = "Signed inbound webhooks that create leads (admins): sources and their secrets")
    static class Api {

        private final WebhookIntake webhooks;

        Api(WebhookIntake webhooks) {
            this.webhooks = webhooks;
        }

        record NewSource(String name, LeadSource leadSource) {}

        @GetMapping
        @Operation(operationId = "listWebhookSources")
        List<WebhookSource> list() {
            return webhooks.list(Viewers.require());
        }

        @PostMapping
        @ResponseStatus(HttpStatus.CREATED)
        @Operation(operationId = "createWebhookSource", summary = "Register a webhook source; the response holds its secret, shown this once (admins)")
        WebhookIntake.IssuedSecret create(@RequestBody NewSource source) {
            return webhooks.create(Viewers.require(), source.name(), source.leadSource());
        }

        @PostMapping("/{id}/rotate")
        @Operation(operationId = "rotateWebhookSourceSecret", summary = "Replace the secret; the old one stops working at once (admins)")
        WebhookIntake.IssuedSecret rotate(@PathVariable long id) {
            return webhooks.rotate(Viewers.require(), id);
        }
    }
}
