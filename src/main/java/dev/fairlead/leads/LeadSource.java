package dev.fairlead.leads;

public enum LeadSource {
    WEB_FORM, API, IMPORT, REFERRAL, EVENT, ADVERTISING, PARTNER, OTHER
}
