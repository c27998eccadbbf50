package dev.fairlead.scoring;

import dev.fairlead.leads.LeadCreated;
import dev.fairlead.leads.LeadCorrected;
import dev.fairlead.leads.LeadMerged;
import dev.fairlead.leads.LeadsCreated;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Scores a lead synchronously, inside the transaction that creates or merges it, and first of all
 * listeners ({@code @Order(0)}): routing listens at {@code @Order(100)} and reads the score and grade.
 */
@Component
class LeadScoring {

    private final ScoringService scoring;

    LeadScoring(ScoringService scoring) {
        this.scoring = scoring;
    }

    /** A chunk of new leads (an import): scored together, before routing routes the chunk (no {@link LeadCreated} follows). */
    @EventListener
    @Order(0)
    void on(LeadsCreated event) {
        scoring.scoreAll(event.leadIds());
    }

    @EventListener
    @Order(0)
    void on(LeadCreated event) {
        if (!scoring.alreadyScored(event.leadId())) {
            scoring.score(event.leadId());
        }
    }

    @EventListener
    @Order(0)
    void on(LeadMerged event) {
        scoring.score(event.leadId());
    }

    @EventListener
    @Order(0)
    void on(LeadCorrected event) {
        scoring.score(event.leadId());
    }
}
