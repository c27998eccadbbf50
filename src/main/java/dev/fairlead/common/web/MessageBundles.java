package dev.fairlead.common.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Shared strings in {@code messages*.properties}; each module keeps its own in
 * {@code i18n/<module>.properties} and {@code i18n/<module>_zh_CN.properties}, found on the classpath,
 * so modules add text without editing a shared file.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

    @Bean
    MessageSource messageSource() throws IOException {
        Resource[] moduleBundles = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        TreeSet<String> basenames = new TreeSet<>();
        Arrays.stream(moduleBundles)
                .map(Resource::getFilename)
                .filter(Objects::nonNull)
                .map(name -> name.replaceFirst("(_[a-z]{2}(_[A-Z]{2})?)?\\.properties$", ""))
                .forEach(base -> basenames.add("classpath:i18n/" + base));
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(Stream.concat(Stream.of("classpath:messages"), basenames.stream()).toArray(String[]::new));
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
