package dev.fairlead.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditWorkflowTests {

    @Test
    void aSubmissionGoesThroughTheManagerThenFinance() {
        CreditState approved = CreditWorkflow.next(CreditState.SUBMITTED, CreditAction.APPROVE);
        assertThat(approved).isEqualTo(CreditState.APPROVED);
        assertThat(CreditWorkflow.next(approved, CreditAction.CONFIRM)).isEqualTo(CreditState.CONFIRMED);
    }

    @Test
    void aReturnedOrRejectedResultCanBeSubmittedAgain() {
        assertThat(CreditWorkflow.next(CreditState.SUBMITTED, CreditAction.RETURN)).isEqualTo(CreditState.RETURNED);
        assertThat(CreditWorkflow.next(CreditState.RETURNED, CreditAction.RESUBMIT)).isEqualTo(CreditState.SUBMITTED);
        assertThat(CreditWorkflow.next(CreditState.APPROVED, CreditAction.REJECT)).isEqualTo(CreditState.REJECTED);
        assertThat(CreditWorkflow.next(CreditState.REJECTED, CreditAction.RESUBMIT)).isEqualTo(CreditState.SUBMITTED);
    }

    @Test
    void aConfirmedResultCanOnlyBeReversed() {
        for (CreditAction action : CreditAction.values()) {
            if (action == CreditAction.REVERSE) {
                assertThat(CreditWorkflow.refusal(CreditState.CONFIRMED, action)).isEmpty();
            } else {
                assertThat(CreditWorkflow.refusal(CreditState.CONFIRMED, action)).contains("credit.conflict.confirmed");
            }
        }
        assertThat(CreditWorkflow.next(CreditState.CONFIRMED, CreditAction.REVERSE)).isEqualTo(CreditState.REVERSED);
    }

    @Test
    void financeActsOnlyOnApprovedResultsAndTheManagerOnlyOnSubmittedOnes() {
        assertThat(CreditWorkflow.refusal(CreditState.SUBMITTED, CreditAction.CONFIRM)).contains("credit.conflict.state");
        assertThat(CreditWorkflow.refusal(CreditState.RETURNED, CreditAction.APPROVE)).contains("credit.conflict.state");
        assertThat(CreditWorkflow.refusal(CreditState.APPROVED, CreditAction.RETURN)).contains("credit.conflict.state");
        assertThat(CreditWorkflow.refusal(CreditState.REVERSED, CreditAction.REVERSE)).contains("credit.conflict.reversed");
        assertThatThrownBy(() -> CreditWorkflow.next(CreditState.APPROVED, CreditAction.APPROVE)).isInstanceOf(IllegalStateException.class);
    }
}
