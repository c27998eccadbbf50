package dev.fairlead.intake;

import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.web.Messages;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Field problems as text in a language, for results that are stored (batch items, rejected import rows). */
@Component
public class ProblemText {

    private final MessageSource messages;

    ProblemText(MessageSource messages) {
        this.messages = messages;
    }

    public List<ItemResult.FieldError> errors(InvalidInputException e, Locale locale) {
        return e.problems().stream().map(p -> new ItemResult.FieldError(p.field(), text(p, locale))).toList();
    }

    public String text(FieldProblem p, Locale locale) {
        return Messages.resolve(messages, p, locale);
    }

    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
