package dev.fairlead.common.web;

import dev.fairlead.common.FieldProblem;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;

/** Turns a field problem into text in the reader's language. */
public final class Messages {

    private static final Logger log = LoggerFactory.getLogger(Messages.class);

    private Messages() {}

    /**
     * Never fails: a message whose pattern does not fit its arguments (a bean-validation style
     * {@code {value}} given positional arguments) comes back unformatted rather than turning a
     * client's mistake into a server error.
     */
    public static String resolve(MessageSource messages, FieldProblem problem, Locale locale) {
        if (problem.code() == null) {
            return problem.message();
        }
        try {
            return messages.getMessage(problem.code(), problem.args(), problem.code(), locale);
        } catch (IllegalArgumentException e) {
            log.warn("Message {} does not fit its arguments: {}", problem.code(), e.getMessage());
            return messages.getMessage(problem.code(), null, problem.code(), locale);
        }
    }
}
