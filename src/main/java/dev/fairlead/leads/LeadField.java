package dev.fairlead.leads;

/** The lead fields that arrive as text (a spreadsheet column, a web-form field), with the property name used in error reports. */
public enum LeadField {
    SOURCE("source"),
    COMPANY("company"),
    CONTACT_NAME("contactName"),
    TITLE("title"),
    PHONE("phone"),
    EMAIL("email"),
    INDUSTRY("industry"),
    COMPANY_SIZE("companySize"),
    PROVINCE("provinceCode"),
    CITY("cityCode"),
    POSTAL_CODE("postalCode"),
    PRODUCT_INTEREST("productInterest"),
    BUDGET("budget"),
    BEHAVIOUR("behaviours"),
    BEHAVIOUR_AT("behaviourAt");

    private final String property;

    LeadField(String property) {
        this.property = property;
    }

    public String property() {
        return property;
    }
}
