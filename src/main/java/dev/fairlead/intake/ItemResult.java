package dev.fairlead.intake;

import dev.fairlead.leads.BatchOutcome;
import dev.fairlead.leads.DuplicateMatch;
import dev.fairlead.leads.IntakeOutcome;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.SetAside;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * What became of one incoming lead: {@code CREATED}, {@code MERGED} into {@code leadId},
 * {@code FLAGGED} as a possible duplicate of {@code duplicateOf}, or {@code REJECTED} with the errors.
 * When the lead it duplicates is one the caller may not see, {@code duplicateOf} stays empty and
 * {@code existingOwnerTeam} names the team that owns it (empty while it sits in a pool). {@code setAside}
 * lists the optional fields that failed their checks: the lead was kept without them and they wait
 * for data-quality review (in the caller's language).
 */
public record ItemResult(int index, Outcome outcome, Long leadId, Long duplicateOf, String existingOwnerTeam, String match,
        Integer score, String grade, Long ownerRepId, Long poolId, List<FieldError> errors, List<SetAsideField> setAside) {

    public enum Outcome { CREATED, MERGED, FLAGGED, REJECTED }

    public record FieldError(String field, String message) {}

    /** An optional field that failed its check: the lead was stored without it, for data-quality review. */
    public record SetAsideField(String field, String value, String message) {}

    private static List<SetAsideField> setAside(List<SetAside> aside) {
        Locale locale = LocaleContextHolder.getLocale();
        return aside.stream().map(a -> new SetAsideField(a.field(), a.value(), a.reason(locale))).toList();
    }

    public static ItemResult of(int index, IntakeOutcome outcome) {
        var lead = outcome.lead();
        if (outcome instanceof IntakeOutcome.Merged m) {
            return new ItemResult(index, Outcome.MERGED, lead.id(), null, null, m.match().name(), lead.score(), lead.grade(),
                    lead.ownerRepId(), lead.poolId(), null, setAside(outcome.setAside()));
        }
        if (outcome instanceof IntakeOutcome.Flagged f) {
            return flagged(index, lead, f.match(), f.outOfScope(), outcome.setAside());
        }
        return new ItemResult(index, Outcome.CREATED, lead.id(), null, null, null, lead.score(), lead.grade(), lead.ownerRepId(),
                lead.poolId(), null, setAside(outcome.setAside()));
    }

    /** A lead flagged against one the submitter may not see names only that lead's team (撞单), never its id. */
    private static ItemResult flagged(int index, Lead lead, DuplicateMatch match, IntakeOutcome.OutOfScope outOfScope,
            List<SetAside> aside) {
        return new ItemResult(index, Outcome.FLAGGED, lead.id(), outOfScope == null ? lead.duplicateOf() : null,
                outOfScope == null ? null : outOfScope.ownerTeam(), match.name(), lead.score(), lead.grade(), lead.ownerRepId(),
                lead.poolId(), null, setAside(aside));
    }

    /** What a lead of a set-based chunk ({@link dev.fairlead.leads.LeadService#intakeAll}) became, with the lead as stored. */
    public static ItemResult of(int index, BatchOutcome outcome, Lead lead) {
        return switch (outcome.kind()) {
            case MERGED -> new ItemResult(index, Outcome.MERGED, lead.id(), null, null, outcome.match().name(), lead.score(),
                    lead.grade(), lead.ownerRepId(), lead.poolId(), null, setAside(outcome.setAside()));
            case FLAGGED -> flagged(index, lead, outcome.match(), outcome.outOfScope(), outcome.setAside());
            case CREATED -> new ItemResult(index, Outcome.CREATED, lead.id(), null, null, null, lead.score(), lead.grade(),
                    lead.ownerRepId(), lead.poolId(), null, setAside(outcome.setAside()));
        };
    }

    public static ItemResult rejected(int index, List<FieldError> errors) {
        return new ItemResult(index, Outcome.REJECTED, null, null, null, null, null, null, null, null, errors, List.of());
    }
}
