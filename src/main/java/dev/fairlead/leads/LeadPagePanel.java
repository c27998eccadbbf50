package dev.fairlead.leads;

/**
 * A section of the lead page contributed by another module as a bean (assignment explanation,
 * timeline, follow-ups, deals …). The lead page loads each panel's HTML fragment with htmx from
 * {@code urlTemplate} with {@code {id}} replaced by the lead id, so the leads module needs no
 * dependency on the modules that contribute panels.
 *
 * @param id element id of the panel on the page
 * @param titleKey message key of the panel's heading
 * @param urlTemplate fragment URL, e.g. {@code /routing/leads/{id}/explanation}
 * @param order position on the page, smaller first
 */
public record LeadPagePanel(String id, String titleKey, String urlTemplate, int order) {

    public String urlFor(long leadId) {
        return urlTemplate.replace("{id}", String.valueOf(leadId));
    }
}
