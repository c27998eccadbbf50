package dev.fairlead.performance;

/** How a leaderboard shows who is who: real names, pseudonyms (化名), numbers (编号), or the reader's own rank only. */
public enum DisplayMode {
    NAMES, PSEUDONYMS, NUMBERS, OWN_RANK
}
