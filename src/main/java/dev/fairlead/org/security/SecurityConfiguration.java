package dev.fairlead.org.security;

import dev.fairlead.org.ApiTokenService;
import dev.fairlead.org.persistence.UserRepository;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Form login for the browser, bearer tokens for {@code /api}, and HTTP Basic only to exchange a login
 * and password for a token ({@link BasicTokenExchangeFilter}). CSRF protects every form and every
 * session-authenticated API call; a request that carries a bearer token has no ambient credentials,
 * so it needs none.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokenService tokens, UserRepository users,
            LoginThrottle throttle, JsonMapper json, LocaleResolver locales, FairleadUserDetailsService userDetails,
            PasswordEncoder passwordEncoder, AuthenticationEventPublisher authenticationEvents) throws Exception {
        AuthenticationEntryPoint apiEntryPoint = (request, response, e) ->
                problem(json, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                        "Send 'Authorization: Bearer <token>' or log in.");
        // The CSRF filter refuses an API write without a token before anyone is authenticated: a caller
        // who sent no credentials at all is asked for them (401), not told their role may not (403). A
        // page form without its CSRF token (the log-in form included) stays a 403: the browser has a
        // session to send, the form was not from us. (With one handler registered, Spring Security
        // uses it for every request, hence the API check here.)
        AccessDeniedHandler apiDenied = (request, response, e) -> {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (API.matches(request) && (caller == null || caller instanceof AnonymousAuthenticationToken)) {
                apiEntryPoint.commence(request, response, new InsufficientAuthenticationException(e.getMessage(), e));
            } else {
                problem(json, response, HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this.");
            }
        };

        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/api/users/**", "/api/tokens/**", "/api/webhooks/**", "/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(localeApplyingSuccessHandler(locales))
                        // One answer for a wrong password, an unknown user and a locked account: the login
                        // page must not tell anyone which usernames exist.
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath() + "/login?error"))
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer, BasicTokenExchangeFilter::isExchange))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(apiEntryPoint, API)
                        .defaultAccessDeniedHandlerFor(apiDenied, API))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .addFilterBefore(new BasicTokenExchangeFilter(basicAuthentication(userDetails, passwordEncoder, authenticationEvents),
                        throttle, apiEntryPoint, (response, retryAfter) -> {
                            response.setHeader("Retry-After", String.valueOf(retryAfter.toSeconds()));
                            problem(json, response, HttpStatus.TOO_MANY_REQUESTS, "Too many wrong passwords",
                                    "Too many wrong passwords from this address; try again later.");
                        }), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, apiEntryPoint), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new PrincipalRefreshFilter(users), BearerTokenFilter.class)
                .addFilterBefore(new ClientLoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Checks a login and password the way the login form does (the same users, encoder and failure
     * events, so wrong passwords count towards the same locks), for the Basic token exchange.
     */
    private static AuthenticationManager basicAuthentication(FairleadUserDetailsService userDetails, PasswordEncoder passwordEncoder,
            AuthenticationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetails);
        provider.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /** After login, Fairlead speaks the language the user last chose. */
    private static SavedRequestAwareAuthenticationSuccessHandler localeApplyingSuccessHandler(LocaleResolver locales) {
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(jakarta.servlet.http.HttpServletRequest request,
                    HttpServletResponse response, org.springframework.security.core.Authentication authentication)
                    throws java.io.IOException, jakarta.servlet.ServletException {
                if (authentication.getPrincipal() instanceof FairleadPrincipal p) {
                    locales.setLocale(request, response, Locale.forLanguageTag(p.user().locale()));
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    private static void problem(JsonMapper json, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws java.io.IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
