package dev.fairlead.surveys.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The customer's survey pages carry no login: the unguessable token in the path is the credential.
 * This chain takes only {@code /survey/**} and {@code /api/public/surveys/**}, ahead of the main one,
 * stateless and without CSRF (there is no session to ride on); nothing else is opened. No referrer
 * leaves the page, so the token is not passed on to another site.
 */
@Configuration(proxyBeanMethods = false)
class SurveySecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 11)
    SecurityFilterChain surveyFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/survey/**", "/api/public/surveys/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
