package dev.fairlead.leads;

import dev.fairlead.leads.persistence.LeadRepository;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact with a lead as other modules record it (a follow-up was logged): keeps the lead's first
 * contact and last follow-up times, which SLA and pool recovery read, and moves a new lead to
 * contacted. Ownership is untouched.
 */
@Service
public class LeadActivity {

    private final JdbcClient jdbc;
    private final LeadOwnership ownership;
    private final LeadRepository leads;

    LeadActivity(JdbcClient jdbc, LeadOwnership ownership, LeadRepository leads) {
        this.jdbc = jdbc;
        this.ownership = ownership;
        this.leads = leads;
    }

    /** Records a follow-up that happened at {@code at}, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void followedUp(long leadId, Instant at) {
        String status = jdbc.sql("""
                        UPDATE lead SET first_contact_at = least(coalesce(first_contact_at, :at), :at),
                               last_follow_up_at = greatest(coalesce(last_follow_up_at, :at), :at),
                               version = version + 1
                        WHERE id = :id RETURNING status
                        """)
                .param("id", leadId).param("at", Timestamp.from(at))
                .query(String.class).optional()
                .orElseThrow(() -> new dev.fairlead.common.NotFoundException("lead", leadId));
        leads.forget(leadId);
        if (LeadStatus.valueOf(status) == LeadStatus.NEW) {
            ownership.changeStatus(leadId, LeadStatus.CONTACTED, "first follow-up logged");
        }
    }
}
