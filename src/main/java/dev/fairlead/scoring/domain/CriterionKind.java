package dev.fairlead.scoring.domain;

/** What a criterion looks at. Text comparisons ignore case and full-/half-width differences. */
public enum CriterionKind {
    /** industry is one of the values */
    INDUSTRY_IN,
    /** company size band is one of the values (MICRO … ENTERPRISE) */
    COMPANY_SIZE_IN,
    /** title contains one of the values (e.g. 总监, Director) */
    TITLE_CONTAINS,
    /** product interest is one of the values; no values: any stated interest */
    PRODUCT_INTEREST_IN,
    /** budget within [min, max) (either bound may be open) */
    BUDGET_RANGE,
    /** points per behaviour event of one of the kinds within the last {@code withinDays} days, at most {@code maxCount} events */
    BEHAVIOUR,
    /** source is one of the values */
    SOURCE_IN,
    /** province or city code starts with one of the values (e.g. 44, 3101) */
    REGION_IN
}
