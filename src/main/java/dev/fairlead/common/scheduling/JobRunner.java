package dev.fairlead.common.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one scheduled job and makes its health visible in metrics: {@code fairlead.job.duration}
 * (timer, tagged with the outcome), {@code fairlead.job.failures}, {@code fairlead.job.items}
 * (work done) and {@code fairlead.job.last.success} (epoch seconds of the last successful run).
 * A failure is logged and counted, never thrown into the scheduler: the next run tries again.
 */
@Component
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    JobRunner(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Runs {@code work}, which returns how many items it handled. */
    public void run(String job, IntSupplier work) {
        AtomicLong last = lastSuccess.computeIfAbsent(job, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("fairlead.job.last.success", value, AtomicLong::get)
                    .tag("job", name).baseUnit("seconds").description("When the job last succeeded (epoch seconds)")
                    .register(registry);
            return value;
        });
        Timer.Sample sample = Timer.start(registry);
        try {
            int items = work.getAsInt();
            Counter.builder("fairlead.job.items").tag("job", job).register(registry).increment(items);
            last.set(clock.instant().getEpochSecond());
            sample.stop(Timer.builder("fairlead.job.duration").tag("job", job).tag("outcome", "success").register(registry));
        } catch (RuntimeException e) {
            sample.stop(Timer.builder("fairlead.job.duration").tag("job", job).tag("outcome", "failure").register(registry));
            Counter.builder("fairlead.job.failures").tag("job", job).register(registry).increment();
            log.error("Scheduled job {} failed; it runs again on its next schedule", job, e);
        }
    }
}
