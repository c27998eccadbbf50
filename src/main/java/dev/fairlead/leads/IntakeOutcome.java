package dev.fairlead.leads;

import java.util.List;

/** What became of an incoming lead. A duplicate is never dropped: it is merged or stored with a flag. */
public sealed interface IntakeOutcome {

    /** The lead as stored (new, flagged) or as it is after the merge. */
    Lead lead();

    /** Optional fields that failed their checks and were kept aside for data-quality review instead of stored. */
    List<SetAside> setAside();

    /** Stored as a new lead; {@link LeadCreated} was published, so it was scored and routed. */
    record Created(Lead lead, List<SetAside> setAside) implements IntakeOutcome {}

    /** Merged into the existing {@code lead}: empty fields filled, behaviour events added, a merge record kept. */
    record Merged(Lead lead, DuplicateMatch match, long mergeId, List<SetAside> setAside) implements IntakeOutcome {}

    /**
     * Stored as a new lead marked as a possible duplicate of {@code lead().duplicateOf()}, for a person
     * to review; {@code outOfScope} is set when that lead is one the submitter may not see.
     */
    record Flagged(Lead lead, DuplicateMatch match, OutOfScope outOfScope, List<SetAside> setAside) implements IntakeOutcome {}

    /**
     * The existing lead a submission matched lies outside the submitter's scope: all they may learn is
     * that it exists and which team owns it ({@code ownerTeam}; null while it sits in a pool).
     */
    record OutOfScope(String ownerTeam) {}
}
