package dev.fairlead.common;

/**
 * The record does not exist, or the viewer may not see it. The two are deliberately
 * indistinguishable so that ids outside one's scope leak nothing.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String entity, Object id) {
        super(entity + " " + id + " not found");
    }
}
