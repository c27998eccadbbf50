package dev.fairlead.pool;

/** Filters for a pool's leads; null means any. {@code provinceCode} matches the province or a city in it. */
public record PoolLeadQuery(String grade, String provinceCode, String industry, Integer minDaysInPool,
        Integer maxDaysInPool, Long previousOwnerRepId, String text, int page, int size) {

    public PoolLeadQuery {
        grade = blankToNull(grade);
        provinceCode = blankToNull(provinceCode);
        industry = blankToNull(industry);
        text = blankToNull(text);
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, 200);
    }

    public static PoolLeadQuery all() {
        return new PoolLeadQuery(null, null, null, null, null, null, null, 0, 200);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
