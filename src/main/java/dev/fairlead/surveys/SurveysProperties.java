package dev.fairlead.surveys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code fairlead.surveys.*}: how long a link stays open ({@code validity}, 14 days), and the public
 * pages' rate limit per client address ({@code max-requests} within {@code window}: 30 in 10 minutes).
 */
@ConfigurationProperties("fairlead.surveys")
public record SurveysProperties(Duration validity, Integer maxRequests, Duration window) {

    public SurveysProperties {
        validity = validity == null || validity.isNegative() || validity.isZero() ? Duration.ofDays(14) : validity;
        maxRequests = maxRequests == null || maxRequests < 1 ? 30 : maxRequests;
        window = window == null || window.isNegative() || window.isZero() ? Duration.ofMinutes(10) : window;
    }
}
