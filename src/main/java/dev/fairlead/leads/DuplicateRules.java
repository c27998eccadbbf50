package dev.fairlead.leads;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The configured treatment of duplicates ({@code fairlead.leads.duplicates.*}, env
 * {@code FAIRLEAD_LEADS_DUPLICATES_ON_CONTACT_MATCH} …): the same phone or e-mail is strong evidence
 * and is merged by default; the same company and contact name alone is flagged for review by default.
 */
@ConfigurationProperties("fairlead.leads.duplicates")
public record DuplicateRules(DuplicatePolicy onContactMatch, DuplicatePolicy onCompanyMatch) {

    public DuplicateRules {
        onContactMatch = onContactMatch == null ? DuplicatePolicy.MERGE : onContactMatch;
        onCompanyMatch = onCompanyMatch == null ? DuplicatePolicy.FLAG : onCompanyMatch;
    }

    /** The policy for a match; {@code override} (a caller's choice for one import or request) wins when given. */
    public DuplicatePolicy policyFor(DuplicateMatch match, DuplicatePolicy override) {
        if (override != null) {
            return override;
        }
        return match == DuplicateMatch.COMPANY_CONTACT ? onCompanyMatch : onContactMatch;
    }
}
