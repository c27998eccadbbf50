package dev.fairlead.credit.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The confirmation's state machine: submitted → approved (manager) → confirmed (finance); the manager
 * may return a submission and finance reject an approved one, both back to the owner, who corrects it
 * and submits again; a confirmed result is only ever reversed.
 */
public final class CreditWorkflow {

    private static final Map<CreditAction, Set<CreditState>> FROM = Map.of(
            CreditAction.RESUBMIT, Set.of(CreditState.SUBMITTED, CreditState.RETURNED, CreditState.REJECTED),
            CreditAction.APPROVE, Set.of(CreditState.SUBMITTED),
            CreditAction.RETURN, Set.of(CreditState.SUBMITTED),
            CreditAction.CONFIRM, Set.of(CreditState.APPROVED),
            CreditAction.REJECT, Set.of(CreditState.APPROVED),
            CreditAction.REVERSE, Set.of(CreditState.CONFIRMED));

    private static final Map<CreditAction, CreditState> TO = Map.of(
            CreditAction.RESUBMIT, CreditState.SUBMITTED,
            CreditAction.APPROVE, CreditState.APPROVED,
            CreditAction.RETURN, CreditState.RETURNED,
            CreditAction.CONFIRM, CreditState.CONFIRMED,
            CreditAction.REJECT, CreditState.REJECTED,
            CreditAction.REVERSE, CreditState.REVERSED);

    private CreditWorkflow() {}

    /** Why the action is refused in this state (a message key taking the state and the action), or empty when it is allowed. */
    public static Optional<String> refusal(CreditState state, CreditAction action) {
        if (FROM.get(action).contains(state)) {
            return Optional.empty();
        }
        if (state == CreditState.CONFIRMED) {
            return Optional.of("credit.conflict.confirmed");
        }
        if (state == CreditState.REVERSED) {
            return Optional.of("credit.conflict.reversed");
        }
        return Optional.of("credit.conflict.state");
    }

    /** The state after the action; the action must be allowed ({@link #refusal} empty). */
    public static CreditState next(CreditState state, CreditAction action) {
        if (refusal(state, action).isPresent()) {
            throw new IllegalStateException(action + " is not allowed on a " + state + " result");
        }
        return TO.get(action);
    }

    /** True for results waiting on someone other than their owner. */
    public static boolean pending(CreditState state) {
        return state == CreditState.SUBMITTED || state == CreditState.APPROVED;
    }
}
