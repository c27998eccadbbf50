package dev.fairlead.routing.domain;

/** Whether a rep may receive a lead under a rule; an exclusion carries its reason for the explanation. */
public sealed interface Eligibility {

    Eligible ELIGIBLE = new Eligible();

    record Eligible() implements Eligibility {}

    record Excluded(String policy, Reason reason) implements Eligibility {}

    default boolean eligible() {
        return this instanceof Eligible;
    }
}
