package dev.fairlead.deals;

/**
 * A section of the deal page or of the customer page contributed by another module as a bean (the
 * work module's follow-ups and tasks). The page loads the panel's HTML fragment with htmx from
 * {@code urlTemplate} with {@code {id}} replaced by the deal's or customer's id, so the deals module
 * needs no dependency on the modules that contribute panels (as {@code leads.LeadPagePanel}).
 *
 * @param id element id of the panel on the page
 * @param page which page the panel belongs on
 * @param titleKey message key of the panel's heading
 * @param urlTemplate fragment URL, e.g. {@code /work/deals/{id}/follow-ups}
 * @param order position on the page, smaller first
 */
public record DealPagePanel(String id, Page page, String titleKey, String urlTemplate, int order) {

    public enum Page {
        DEAL, CUSTOMER
    }

    public String urlFor(long id) {
        return urlTemplate.replace("{id}", String.valueOf(id));
    }
}
