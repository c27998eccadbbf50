package dev.fairlead.scoring.domain;

/** The four questions a score answers: does the company fit, is there a need, does the lead engage, can the contact decide. */
public enum CriterionGroup {
    FIT, NEED, BEHAVIOUR, AUTHORITY
}
