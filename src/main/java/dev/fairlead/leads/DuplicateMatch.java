package dev.fairlead.leads;

/** Why two leads are taken for the same: the same normalised phone, e-mail, or company together with contact name. */
public enum DuplicateMatch {
    PHONE, EMAIL, COMPANY_CONTACT
}
