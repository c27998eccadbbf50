package dev.fairlead.common.web;

import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** Field → message map for re-rendering a form, in the reader's language; the same checks as the API. */
@Component
public class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    public Map<String, String> of(InvalidInputException e) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            errors.merge(p.field(), Messages.resolve(messages, p, locale), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    /** One message in the reader's language, for a value a controller could not read before the service saw it. */
    public String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /** Values that could not even be converted (letters in a number field) before the service saw them. */
    public Map<String, String> of(BindingResult binding) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : binding.getFieldErrors()) {
            errors.put(error.getField(), messages.getMessage("validation.type", new Object[] {""}, locale));
        }
        return errors;
    }
}
