package dev.fairlead.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long idempotency keys (and the batch items under them) are kept: a retry within
 * {@code retention} gets the first response, a later one is taken as a new request. Older keys are
 * deleted by a scheduled job, {@code batchSize} per transaction.
 */
@ConfigurationProperties("fairlead.intake.idempotency")
public record IdempotencyProperties(Duration retention, int batchSize) {

    public IdempotencyProperties {
        retention = retention == null || retention.isNegative() || retention.isZero() ? Duration.ofHours(24) : retention;
        batchSize = batchSize <= 0 ? 1000 : Math.min(batchSize, 10_000);
    }
}
