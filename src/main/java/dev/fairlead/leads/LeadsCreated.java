package dev.fairlead.leads;

import java.time.Instant;
import java.util.List;

/**
 * A chunk of new leads was stored at once (an import). Published inside the storing transaction
 * before the {@link LeadCreated} of each of them, so a listener can do set-based what it would
 * otherwise do lead by lead (scoring scores the whole chunk in a few statements); {@link LeadCreated}
 * still follows for every lead, so routing and every other listener see each lead as before.
 */
public record LeadsCreated(List<Long> leadIds, Instant at) {}
