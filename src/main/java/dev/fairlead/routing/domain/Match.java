package dev.fairlead.routing.domain;

/** How a rule combines its conditions; a rule without conditions matches every lead. */
public enum Match {
    ALL, ANY
}
