package dev.fairlead.common;

/** The viewer can see the record but their role may not make this change. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
