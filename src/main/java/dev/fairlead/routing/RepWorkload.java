package dev.fairlead.routing;

/** A rep's load against her caps now: open leads against the open-lead cap, new leads today against the daily cap. */
public record RepWorkload(long repId, String repName, String teamName, int openLeads, int maxOpenLeads, int newToday,
        int maxNewPerDay) {}
