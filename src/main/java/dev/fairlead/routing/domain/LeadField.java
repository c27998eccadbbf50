package dev.fairlead.routing.domain;

/** The lead fields a rule condition can test. {@link #BUDGET} and {@link #SCORE} are numbers, the rest text. */
public enum LeadField {
    SOURCE, COMPANY, TITLE, INDUSTRY, COMPANY_SIZE, PROVINCE, CITY, POSTAL_CODE, PRODUCT_INTEREST, BUDGET, SCORE, GRADE;

    public boolean numeric() {
        return this == BUDGET || this == SCORE;
    }
}
