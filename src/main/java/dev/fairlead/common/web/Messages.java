package dev.fairlead.common.web;

import dev.fairlead.common.FieldProblem;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** Turns a field problem into text in the reader's language. */
public final class Messages {

    private Messages() {}

    public static String resolve(MessageSource messages, FieldProblem problem, Locale locale) {
        if (problem.code() == null) {
            return problem.message();
        }
        return messages.getMessage(problem.code(), problem.args(), problem.code(), locale);
    }
}
