package dev.fairlead.leads;

/** Head-count bands: micro 1–9, small 10–99, medium 100–499, large 500–1999, enterprise 2000+. */
public enum CompanySize {
    MICRO, SMALL, MEDIUM, LARGE, ENTERPRISE
}
