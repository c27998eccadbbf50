package dev.fairlead.leads;

/** A rep's closed leads in one industry (lower case; the empty string for the totals): won and closed (won + lost). */
public record SegmentConversion(long repId, String segment, int won, int closed) {}
