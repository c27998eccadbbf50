package dev.fairlead.leads;

import java.time.Instant;

/**
 * A field set aside at intake, as a reviewer reads it: the lead it belongs to, the value as it
 * arrived and why it was set aside (in the reader's language), and, once resolved, how.
 *
 * @param resolution {@code CORRECTED} (the corrected value was stored on the lead), {@code DISMISSED}, or null while open
 */
public record SetAsideItem(long id, long leadId, String company, String contactName, String field, String value, String reason,
        String channel, Instant createdAt, String resolution, String correctedValue, Instant resolvedAt, String resolvedBy) {

    public boolean open() {
        return resolution == null;
    }

    /** Message key of the field's label ({@code lead.phone}; every behaviour event under {@code lead.behaviours}). */
    public String labelKey() {
        return correctable() ? "lead." + field : "lead.behaviours";
    }

    /** A behaviour event can only be dismissed; a field can be corrected. */
    public boolean correctable() {
        return !field.startsWith("behaviours");
    }
}
