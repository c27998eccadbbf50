package dev.fairlead.leads;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.UnitPeriod;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.persistence.CustomerRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers (accounts). A lead that converts becomes a customer, or joins the customer that
 * already exists under the same normalised company name ({@link LeadKeys#company}), so one company
 * is one customer however many leads it sent.
 */
@Service
public class CustomerService {

    /** The customer a lead belongs to, and whether converting it created that customer. */
    public record ForLead(Customer customer, boolean created) {}

    private final CustomerRepository customers;
    private final AuditTrail audit;
    private final Clock clock;

    CustomerService(CustomerRepository customers, AuditTrail audit, Clock clock) {
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Finds the lead's company among the customers or creates it, owned by the lead's owner. Audited. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ForLead forLead(Lead lead, long ownerRepId, long ownerTeamId) {
        String key = LeadKeys.company(lead.company());
        if (key != null) {
            var existing = customers.findByCompanyKey(key);
            if (existing.isPresent()) {
                return new ForLead(existing.get(), false);
            }
        }
        String name = lead.company() != null ? lead.company() : lead.contactName();
        long id = customers.insert(new CustomerRepository.NewCustomer(name, key, lead.contactName(), lead.phone(),
                lead.email(), lead.id(), ownerRepId, ownerTeamId, clock.instant()));
        Customer created = customers.find(id).orElseThrow();
        audit.record(Change.created("customer", id, ownerTeamId, ownerRepId, created).because("lead " + lead.id() + " converted"));
        return new ForLead(created, true);
    }

    @Transactional(readOnly = true)
    public Customer get(Viewer viewer, long id) {
        return customers.findVisible(viewer, id).orElseThrow(() -> new NotFoundException("customer", id));
    }

    @Transactional(readOnly = true)
    public List<Customer> list(Viewer viewer, String text, int limit) {
        return customers.findVisible(viewer, text, Math.max(1, Math.min(limit, 500)));
    }

    /** New customers created in each unit and period (the owner's rep, or team with sub-teams), by key. */
    @Transactional(readOnly = true)
    public Map<String, Long> countNew(List<UnitPeriod> windows) {
        return windows.isEmpty() ? Map.of() : customers.countNew(windows, clock.getZone());
    }
}
