package dev.fairlead.intake;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The imports' own two threads. Deliberately not an {@code Executor} bean: any bean of that type
 * makes Spring Boot back off its application task executor, and the modules' asynchronous event
 * listeners ({@code @ApplicationModuleListener}) would then start a new, unbounded thread per event.
 */
final class ImportWorkers implements AutoCloseable {

    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();

    ImportWorkers() {
        pool.setThreadNamePrefix("import-");
        pool.setCorePoolSize(2);
        pool.setMaxPoolSize(2);
        pool.setQueueCapacity(1000);
        pool.setWaitForTasksToCompleteOnShutdown(false);
        pool.initialize();
    }

    void execute(Runnable job) {
        pool.execute(job);
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
