package dev.fairlead.surveys;

import dev.fairlead.surveys.persistence.SurveyRepository;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public survey pages' rate limit per client address, counted in the database so that it holds
 * across nodes (as wrong logins are counted): at most {@code max-requests} within {@code window}.
 */
@Component
public class SurveyRateLimit {

    private final SurveyRepository repository;
    private final SurveysProperties properties;
    private final Clock clock;

    SurveyRateLimit(SurveyRepository repository, SurveysProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** Counts this request; true when the client is still within the limit. */
    @Transactional
    public boolean allow(String client) {
        Instant now = clock.instant();
        return repository.hit(client == null ? "?" : client, now, now.minus(properties.window())) <= properties.maxRequests();
    }

    /** Seconds a refused client should wait before trying again. */
    public long retryAfterSeconds() {
        return properties.window().toSeconds();
    }
}
