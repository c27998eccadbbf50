package dev.fairlead.leads;

import dev.fairlead.common.SearchTerms;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.persistence.SearchRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads and customers by contact or company name, e-mail or phone (digits, whatever the separators),
 * partial matches, newest first: only what the viewer may see (a rep her own, a manager the team
 * and below, directors and admins everything).
 */
@Service
public class LeadSearch {

    private final SearchRepository search;

    LeadSearch(SearchRepository search) {
        this.search = search;
    }

    @Transactional(readOnly = true)
    public List<LeadMatch> leads(Viewer viewer, SearchTerms terms, int limit) {
        return search.leads(viewer, terms, limit);
    }

    @Transactional(readOnly = true)
    public List<Customer> customers(Viewer viewer, SearchTerms terms, int limit) {
        return search.customers(viewer, terms, limit);
    }
}
