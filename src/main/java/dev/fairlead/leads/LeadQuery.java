package dev.fairlead.leads;

/** Filters for lead lists; null means any. {@code teamId} includes sub-teams; {@code duplicates} true lists leads flagged for review. Pages start at 0. */
public record LeadQuery(LeadStatus status, Long ownerRepId, Long teamId, String text, Boolean pooled, Boolean duplicates,
        int page, int size) {

    public LeadQuery(LeadStatus status, Long ownerRepId, Long teamId, String text, Boolean pooled, int page, int size) {
        this(status, ownerRepId, teamId, text, pooled, null, page, size);
    }

    public LeadQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, 500);
    }
}
