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
 * @param place beside the lead's facts (short, always in view: score, SLA clock) or in a tab of its own
 */
public record LeadPagePanel(String id, String titleKey, String urlTemplate, int order, Place place) {

    /** Where a panel sits on the lead page: in the column of key facts, or as one of the tabs beside it. */
    public enum Place { SIDE, TAB }

    /** A panel in a tab of its own. */
    public LeadPagePanel(String id, String titleKey, String urlTemplate, int order) {
        this(id, titleKey, urlTemplate, order, Place.TAB);
    }

    public boolean side() {
        return place == Place.SIDE;
    }

    public String urlFor(long leadId) {
        return urlTemplate.replace("{id}", String.valueOf(leadId));
    }
}
