package dev.fairlead.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new subscription: where to send ({@code url}), which event types ({@code lead.assigned} …, see
 * {@link WebhookEventType}), an optional {@code secret} (16 to 200 characters; one is made when it is
 * left out) and an optional description. The owner is the admin who makes it.
 */
public record WebhookCommand(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 2000, message = "{validation.size.max}") String url,
        @Size(max = 20, message = "{validation.size.max}") List<String> eventTypes,
        String secret,
        @Size(max = 200, message = "{validation.size.max}") String description) {}
