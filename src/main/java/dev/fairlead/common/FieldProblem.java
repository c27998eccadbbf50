package dev.fairlead.common;

/**
 * One thing wrong with one input field. {@code code} is a message-bundle key resolved in the
 * reader's language; {@code message} is used when the text was already resolved (bean validation).
 */
public record FieldProblem(String field, String code, Object[] args, String message) {

    public static FieldProblem of(String field, String code, Object... args) {
        return new FieldProblem(field, code, args, null);
    }

    public static FieldProblem resolved(String field, String message) {
        return new FieldProblem(field, null, new Object[0], message);
    }
}
