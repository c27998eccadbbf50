package dev.fairlead.routing.domain;

import java.time.LocalDate;

/** One named condition a rep must meet before any strategy looks at them. */
@FunctionalInterface
public interface EligibilityPolicy {

    Eligibility check(RepState rep, LeadFacts lead, Rule rule, LocalDate day);

    /** The first exclusion among these policies, or eligible. */
    static Eligibility all(java.util.List<EligibilityPolicy> policies, RepState rep, LeadFacts lead, Rule rule, LocalDate day) {
        for (int i = 0; i < policies.size(); i++) {
            Eligibility result = policies.get(i).check(rep, lead, rule, day);
            if (!result.eligible()) {
                return result;
            }
        }
        return Eligibility.ELIGIBLE;
    }
}
