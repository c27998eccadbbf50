package dev.fairlead.performance;

/** Who may read a leaderboard: the reader's team (ranked among it), the whole company, or managers (and above) only. */
public enum BoardVisibility {
    TEAM, COMPANY, MANAGERS
}
