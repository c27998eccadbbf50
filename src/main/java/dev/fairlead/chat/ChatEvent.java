package dev.fairlead.chat;

/**
 * What a team's robot can be told. {@link #LEAD_ASSIGNED_A} and {@link #LEAD_ASSIGNED} are the
 * two choices for new leads (grade A only, or every one); a robot takes at most one of them.
 */
public enum ChatEvent {
    LEAD_ASSIGNED_A,
    LEAD_ASSIGNED,
    SLA_WARNING,
    SLA_BREACH,
    POOL_WARNING,
    DEAL_WON
}
