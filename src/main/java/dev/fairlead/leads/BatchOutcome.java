package dev.fairlead.leads;

import java.util.List;

/**
 * What became of one lead of a chunk taken by {@link LeadService#intakeAll}: the lead created (or
 * created and flagged as a possible duplicate of {@code duplicateOf}), or the lead it was merged into.
 * {@code outOfScope} is set when the flagged lead's match is a lead the submitter may not see;
 * {@code setAside} lists the optional fields kept aside for data-quality review.
 */
public record BatchOutcome(Kind kind, long leadId, DuplicateMatch match, Long duplicateOf, IntakeOutcome.OutOfScope outOfScope,
        List<SetAside> setAside) {

    public enum Kind { CREATED, FLAGGED, MERGED }
}
