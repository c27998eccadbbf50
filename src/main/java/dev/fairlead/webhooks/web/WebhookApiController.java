package dev.fairlead.webhooks.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.webhooks.IssuedSubscription;
import dev.fairlead.webhooks.WebhookCommand;
import dev.fairlead.webhooks.WebhookDelivery;
import dev.fairlead.webhooks.WebhookEventType;
import dev.fairlead.webhooks.WebhookSubscription;
import dev.fairlead.webhooks.WebhookSubscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "Outbound webhooks", description = "Signed event deliveries to integrators' URLs (admin only); docs/api.md → Outbound webhooks")
class WebhookApiController {

    private final WebhookSubscriptions subscriptions;

    WebhookApiController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Operation(operationId = "listWebhooks")
    @GetMapping
    List<WebhookSubscription> list() {
        return subscriptions.list(Viewers.require());
    }

    @GetMapping("/event-types")
    @Operation(operationId = "listWebhookEventTypes", summary = "The event types a subscription can name")
    List<String> eventTypes() {
        return Arrays.stream(WebhookEventType.values()).map(WebhookEventType::code).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to event types; the secret is returned once")
    IssuedSubscription create(@RequestBody WebhookCommand cmd) {
        return subscriptions.create(Viewers.require(), cmd);
    }

    @Operation(operationId = "getWebhook")
    @GetMapping("/{id}")
    WebhookSubscription get(@PathVariable long id) {
        return subscriptions.get(Viewers.require(), id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription with its delivery log")
    void delete(@PathVariable long id) {
        subscriptions.delete(Viewers.require(), id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The subscription's delivery log, newest first (the last 200)")
    List<WebhookDelivery> deliveries(@PathVariable long id) {
        return subscriptions.deliveries(Viewers.require(), id);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "replayWebhookDelivery", summary = "Send one delivery's event again (same event id and payload), as a new delivery due now")
    WebhookDelivery replay(@PathVariable long id, @PathVariable long deliveryId) {
        return subscriptions.replay(Viewers.require(), id, deliveryId);
    }
}
