package dev.fairlead.support;

import dev.fairlead.pool.OpenDealCheck;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The deals module's side of {@link OpenDealCheck} as tests set it: leads a test says have an open deal. */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedDeals {

    public static final Set<Long> OPEN = ConcurrentHashMap.newKeySet();

    /** Primary over the deals module's real check, so tests decide which leads have an open deal. */
    @Bean
    @org.springframework.context.annotation.Primary
    OpenDealCheck recordedOpenDeals() {
        return (Collection<Long> leadIds) -> leadIds.stream().filter(OPEN::contains).collect(Collectors.toSet());
    }
}
