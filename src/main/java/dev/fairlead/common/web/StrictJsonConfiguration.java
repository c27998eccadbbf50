package dev.fairlead.common.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read strictly: a field the endpoint does not take is a {@code 400} naming it and
 * listing the accepted ones ({@link BodyProblems}), so an integrator who sends {@code rules} to an
 * endpoint that does not take them learns it at once instead of activating rules they never wrote.
 * Only the server's JSON converter is strict; the application's own {@link JsonMapper} (stored JSON,
 * events) stays lenient, so a row written by an older version still reads.
 *
 * <p>The converter is swapped in through a customiser that runs after Boot's own, not declared as a
 * bean: a converter bean would also be added in front of the String converter, and every
 * {@code @RequestBody String} (signed webhooks) and the API description would go through Jackson.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ServerHttpMessageConvertersCustomizer strictJsonRequestBodies(JsonMapper jsonMapper) {
        JacksonJsonHttpMessageConverter strict = new JacksonJsonHttpMessageConverter(jsonMapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build());
        return builder -> builder.withJsonConverter(strict);
    }
}
