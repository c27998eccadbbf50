package dev.fairlead.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Imports run on their own small pool, so a large file never starves request threads or other background work. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    ImportWorkers importWorkers() {
        return new ImportWorkers();
    }
}
