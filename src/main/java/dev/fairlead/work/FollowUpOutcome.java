package dev.fairlead.work;

/** How the contact went; NO_RESPONSE is an attempt that reached nobody (it still counts as a follow-up). */
public enum FollowUpOutcome {
    POSITIVE, NEUTRAL, NEGATIVE, NO_RESPONSE
}
