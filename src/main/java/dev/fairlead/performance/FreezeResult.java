package dev.fairlead.performance;

/** What closing a period did: how many scorecards it froze and how many were frozen already. */
public record FreezeResult(String period, int frozen, int alreadyFrozen) implements java.io.Serializable {}
