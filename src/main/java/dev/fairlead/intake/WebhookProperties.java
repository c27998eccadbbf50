package dev.fairlead.intake;

import dev.fairlead.leads.LeadSource;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook sources fixed by configuration, e.g. {@code FAIRLEAD_INTAKE_WEBHOOK_SOURCES_WEBSITE_SECRET=…}
 * (optionally {@code …_WEBSITE_LEAD_SOURCE=ADVERTISING}); admins add more in the UI. {@code tolerance}
 * is how far a request's timestamp may be from now (default five minutes).
 */
@ConfigurationProperties("fairlead.intake.webhook")
public record WebhookProperties(Map<String, Source> sources, Duration tolerance) {

    public record Source(String secret, LeadSource leadSource) {}

    public WebhookProperties {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
        tolerance = tolerance == null ? Duration.ofMinutes(5) : tolerance;
    }
}
