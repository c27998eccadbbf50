package dev.fairlead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@IntegrationTest
class BackgroundThreadsIT {

    @Autowired ApplicationContext context;

    /** An {@code Executor} bean of a module's own would make Spring Boot drop this one (and async listeners get a thread each). */
    @Test
    void asynchronousListenersRunOnSpringBootsBoundedApplicationTaskExecutor() {
        assertThat(context.containsBean("applicationTaskExecutor")).isTrue();
        assertThat(context.getBean("applicationTaskExecutor")).isInstanceOf(ThreadPoolTaskExecutor.class);
    }
}
