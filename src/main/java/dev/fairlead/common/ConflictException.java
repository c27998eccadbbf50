package dev.fairlead.common;

/** The record changed since the caller read it (stale version), or the change clashes with existing data. */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
