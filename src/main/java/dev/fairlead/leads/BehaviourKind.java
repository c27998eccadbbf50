package dev.fairlead.leads;

public enum BehaviourKind {
    DOWNLOAD, WEBINAR, PRICING_VISIT, DEMO_REQUEST, EMAIL_CLICK
}
