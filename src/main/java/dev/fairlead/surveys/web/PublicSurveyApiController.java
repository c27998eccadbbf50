package dev.fairlead.surveys.web;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.fairlead.surveys.PublicSurvey;
import dev.fairlead.surveys.Survey;
import dev.fairlead.surveys.SurveyClosedException;
import dev.fairlead.surveys.SurveyRateLimit;
import dev.fairlead.surveys.SurveyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The survey for its customer, as JSON: no login, the token is the credential; rate-limited per client address. */
@RestController
@RequestMapping("/api/public/surveys")
@Tag(name = "Surveys")
class PublicSurveyApiController {

    /** A customer's answer: 1–5 and an optional comment of at most 1000 characters. */
    @Schema(name = "SurveyAnswer")
    record Answer(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer rating, String comment) {}

    private final SurveyService surveys;
    private final SurveyRateLimit limit;
    private final MessageSource messages;

    PublicSurveyApiController(SurveyService surveys, SurveyRateLimit limit, MessageSource messages) {
        this.surveys = surveys;
        this.limit = limit;
        this.messages = messages;
    }

    @GetMapping("/{token}")
    @Operation(operationId = "readPublicSurvey", summary = "What a survey link is about and whether it still takes an answer (no login)")
    ResponseEntity<?> show(@PathVariable String token, HttpServletRequest request) {
        if (!limit.allow(request.getRemoteAddr())) {
            return tooMany();
        }
        return ResponseEntity.ok(surveys.open(token));
    }

    @PostMapping("/{token}")
    @Operation(operationId = "answerSurvey", summary = "Answer a survey once (no login): 404 unknown link, 409 answered already, 410 expired, 429 too many requests")
    ResponseEntity<?> answer(@PathVariable String token, @RequestBody Answer answer, HttpServletRequest request) {
        if (!limit.allow(request.getRemoteAddr())) {
            return tooMany();
        }
        PublicSurvey answered = surveys.answer(token, answer.rating(), answer.comment());
        return ResponseEntity.ok(answered);
    }

    @ExceptionHandler(SurveyClosedException.class)
    ProblemDetail closed(SurveyClosedException e) {
        boolean expired = e.state() == Survey.State.EXPIRED;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(expired ? HttpStatus.GONE : HttpStatus.CONFLICT,
                text(expired ? "surveys.public.expired" : "surveys.public.answered"));
        problem.setTitle(text(expired ? "surveys.public.expired.title" : "surveys.public.answered.title"));
        return problem;
    }

    private ResponseEntity<ProblemDetail> tooMany() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, text("surveys.public.throttled"));
        problem.setTitle(text("surveys.public.throttled.title"));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(limit.retryAfterSeconds())).body(problem);
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}
