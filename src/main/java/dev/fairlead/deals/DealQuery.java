package dev.fairlead.deals;

/** Filters for deal lists; null means any. {@code teamId} includes sub-teams; {@code open} true: not won or lost. Pages start at 0. */
public record DealQuery(String stage, Long ownerRepId, Long teamId, String source, Boolean open, String text, Long leadId,
        int page, int size) {

    public DealQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, 500);
        stage = blankToNull(stage);
        source = blankToNull(source);
        text = blankToNull(text);
    }

    public static DealQuery openDeals() {
        return new DealQuery(null, null, null, null, true, null, null, 0, 500);
    }

    public static DealQuery ofLead(long leadId) {
        return new DealQuery(null, null, null, null, null, null, leadId, 0, 100);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
