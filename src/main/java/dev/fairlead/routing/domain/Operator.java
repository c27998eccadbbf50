package dev.fairlead.routing.domain;

/** How a condition compares a lead field with its values. */
public enum Operator {
    /** Equal to the single value (case-insensitive). */
    EQUALS,
    /** One of the values. */
    IN,
    /** None of the values (a missing field counts as none). */
    NOT_IN,
    /** Starts with one of the values (postal codes, province prefixes like "44"). */
    PREFIX,
    /** A number between min and max, both inclusive; either may be open. */
    RANGE,
    /** The field has no value. */
    MISSING
}
