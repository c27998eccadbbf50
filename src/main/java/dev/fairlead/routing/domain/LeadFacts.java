package dev.fairlead.routing.domain;

import java.time.Instant;

/**
 * What the engine knows about a lead. Score and grade are null when scoring has not run;
 * {@code closedAt} and {@code converted} are history, known only when a backtest replays old leads.
 */
public record LeadFacts(
        long leadId,
        String source,
        String company,
        String title,
        String industry,
        String companySize,
        String provinceCode,
        String cityCode,
        String postalCode,
        String productInterest,
        Double budget,
        Integer score,
        String grade,
        Instant createdAt,
        Instant closedAt,
        Boolean converted) {

    public String text(LeadField field) {
        return switch (field) {
            case SOURCE -> source;
            case COMPANY -> company;
            case TITLE -> title;
            case INDUSTRY -> industry;
            case COMPANY_SIZE -> companySize;
            case PROVINCE -> provinceCode;
            case CITY -> cityCode;
            case POSTAL_CODE -> postalCode;
            case PRODUCT_INTEREST -> productInterest;
            case BUDGET -> budget == null ? null : String.valueOf(budget);
            case SCORE -> score == null ? null : String.valueOf(score);
            case GRADE -> effectiveGrade();
        };
    }

    public Double number(LeadField field) {
        return switch (field) {
            case BUDGET -> budget;
            case SCORE -> score == null ? null : score.doubleValue();
            default -> null;
        };
    }

    /** The stored grade, or one derived from the score (80+ A, 60+ B, 40+ C, else D); null when neither exists. */
    public String effectiveGrade() {
        if (grade != null) {
            return grade;
        }
        if (score == null) {
            return null;
        }
        return score >= 80 ? "A" : score >= 60 ? "B" : score >= 40 ? "C" : "D";
    }

    /** The segment best-fit history is kept by: the industry, or the empty string when unknown. */
    public String segment() {
        return industry == null ? "" : industry.toLowerCase(java.util.Locale.ROOT);
    }
}
