package dev.fairlead.surveys.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.surveys.PublicSurvey;
import dev.fairlead.surveys.Survey;
import dev.fairlead.surveys.SurveyClosedException;
import dev.fairlead.surveys.SurveyRateLimit;
import dev.fairlead.surveys.SurveyService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The customer's survey page, {@code /survey/{token}}: no login, in the survey's language unless
 * the reader switches ({@code ?lang=}). Every outcome is a page of its own with a fitting status:
 * the form (200), thanks (200), answered already (200), expired (410), unknown link (404), too many
 * requests from this address (429). The page has no script, so it runs under the CSP as it is.
 */
@Controller
class SurveyPageController {

    private final SurveyService surveys;
    private final SurveyRateLimit limit;
    private final LocaleResolver locales;

    SurveyPageController(SurveyService surveys, SurveyRateLimit limit, LocaleResolver locales) {
        this.surveys = surveys;
        this.limit = limit;
        this.locales = locales;
    }

    @GetMapping("/survey/{token}")
    String show(@PathVariable String token, @RequestParam(required = false) String lang, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (!limit.allow(request.getRemoteAddr())) {
            return throttled(response, model);
        }
        try {
            PublicSurvey survey = surveys.open(token);
            speak(survey, lang, request, response, model);
            model.addAttribute("survey", survey);
            model.addAttribute("token", token);
            return switch (survey.state()) {
                case OPEN -> "surveys/public";
                case ANSWERED -> outcome("answered", HttpStatus.OK, response, model);
                case EXPIRED -> outcome("expired", HttpStatus.GONE, response, model);
            };
        } catch (NotFoundException e) {
            return outcome("unknown", HttpStatus.NOT_FOUND, response, model);
        }
    }

    @PostMapping("/survey/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String rating,
            @RequestParam(required = false) String comment, @RequestParam(required = false) String lang,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!limit.allow(request.getRemoteAddr())) {
            return throttled(response, model);
        }
        try {
            PublicSurvey survey = surveys.answer(token, parse(rating), comment);
            speak(survey, lang, request, response, model);
            model.addAttribute("survey", survey);
            return outcome("thanks", HttpStatus.OK, response, model);
        } catch (NotFoundException e) {
            return outcome("unknown", HttpStatus.NOT_FOUND, response, model);
        } catch (SurveyClosedException e) {
            speak(e.survey(), lang, request, response, model);
            model.addAttribute("survey", e.survey());
            return e.state() == Survey.State.EXPIRED ? outcome("expired", HttpStatus.GONE, response, model)
                    : outcome("answered", HttpStatus.OK, response, model);
        } catch (InvalidInputException e) {
            PublicSurvey survey = surveys.open(token);
            speak(survey, lang, request, response, model);
            model.addAttribute("survey", survey);
            model.addAttribute("token", token);
            model.addAttribute("comment", comment);
            model.addAttribute("problem", e.problems().get(0).code());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "surveys/public";
        }
    }

    /** The page speaks the survey's language unless the reader chose one ({@code ?lang=}, or earlier: the language cookie). */
    private void speak(PublicSurvey survey, String lang, HttpServletRequest request, HttpServletResponse response, Model model) {
        boolean chosen = request.getCookies() != null && java.util.Arrays.stream(request.getCookies())
                .anyMatch(c -> "FAIRLEAD_LANG".equals(c.getName()));
        if ((lang == null || lang.isBlank()) && !chosen) {
            Locale locale = Locale.forLanguageTag(survey.locale());
            locales.setLocale(request, response, locale);
            LocaleContextHolder.setLocale(locale);
        }
        model.addAttribute("chinese", "zh".equals(LocaleContextHolder.getLocale().getLanguage()));
    }

    private static String outcome(String kind, HttpStatus status, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("outcome", kind);
        return "surveys/outcome";
    }

    private String throttled(HttpServletResponse response, Model model) {
        response.setHeader("Retry-After", String.valueOf(limit.retryAfterSeconds()));
        return outcome("throttled", HttpStatus.TOO_MANY_REQUESTS, response, model);
    }

    private static Integer parse(String rating) {
        try {
            return rating == null ? null : Integer.valueOf(rating.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
