package dev.fairlead.performance;

/** What the improvement board and the team board compare: confirmed revenue or the scorecard total. */
public enum BoardMeasure {
    REVENUE, SCORE
}
