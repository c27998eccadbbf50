package dev.fairlead.common.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What reaches the servlet container's error page never saw a controller: the firewall refusing an
 * encoded {@code %} or {@code ;} in the path, a content type no handler consumes, a path nothing
 * maps, a filter's {@code sendError}. Boot would answer those with its own JSON map; this answers
 * them, like every other API error, with a {@code ProblemDetail} in the caller's language (and a
 * correlation id on a 5xx). Browsers asking for HTML still get the error page.
 */
@Configuration(proxyBeanMethods = false)
class ProblemErrorController {

    @Bean
    BasicErrorController basicErrorController(ErrorAttributes errorAttributes, WebProperties web,
            ObjectProvider<ErrorViewResolver> resolvers, MessageSource messages) {
        return new ProblemAnswer(errorAttributes, web, resolvers.orderedStream().toList(), messages);
    }

    /** Requests Tomcat refuses before the application sees them get a problem too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerProblems() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ContainerProblemValve.class.getName());
            }
        });
    }

    static final class ProblemAnswer extends BasicErrorController {

        private static final Logger log = LoggerFactory.getLogger(ProblemAnswer.class);

        private final MessageSource messages;
        private final ErrorAttributes errors;

        ProblemAnswer(ErrorAttributes errorAttributes, WebProperties web, List<ErrorViewResolver> resolvers, MessageSource messages) {
            super(errorAttributes, web.getError(), resolvers);
            this.messages = messages;
            this.errors = errorAttributes;
        }

        @Override
        public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
            HttpStatus status = getStatus(request);
            if (status == HttpStatus.NO_CONTENT) {
                return new ResponseEntity<>(status);
            }
            var locale = LocaleContextHolder.getLocale();
            Throwable failure = errors.getError(new ServletWebRequest(request));
            if (status.is5xxServerError() && DatabaseUnavailable.is(failure)) {
                return unavailable(request, failure, locale);
            }
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", messages.getMessage("problem.status." + status.value(), null, status.getReasonPhrase(), locale));
            problem.put("status", status.value());
            String id = CorrelationIdFilter.current();
            if (status.is5xxServerError()) {
                log.error("Server error {} outside any controller, correlation id {}", status.value(), id,
                        (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
                problem.put("detail", messages.getMessage("problem.server.detail", new Object[] {id}, locale));
                problem.put("correlationId", id);
            } else if (failure instanceof ErrorResponse known) {
                // Spring MVC knew what was wrong (the methods or types the address takes): say it.
                ProblemDetail body = known.updateAndGetBody(messages, locale);
                problem.put("title", body.getTitle() != null ? body.getTitle() : problem.get("title"));
                problem.put("detail", body.getDetail());
            } else {
                problem.put("detail", messages.getMessage("problem.status." + status.value() + ".detail", null,
                        status.getReasonPhrase(), locale));
            }
            Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (path != null) {
                problem.put("instance", path);
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }

        /** A filter (a token check, the session store) found the database gone: retriable, not our fault. */
        private ResponseEntity<Map<String, Object>> unavailable(HttpServletRequest request, Throwable failure, java.util.Locale locale) {
            String id = CorrelationIdFilter.current();
            log.warn("Database unavailable outside any controller, answered 503, correlation id {}: {}", id, failure.toString());
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", messages.getMessage("problem.unavailable.title", null, locale));
            problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
            problem.put("detail", messages.getMessage("problem.unavailable.detail", new Object[] {id}, locale));
            problem.put("correlationId", id);
            problem.put("retryable", true);
            Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (path != null) {
                problem.put("instance", path);
            }
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS)).body(problem);
        }
    }
}
