package dev.fairlead.surveys;

/** A survey just made: its public link, shown this once (only its hash is kept), and whether it was e-mailed. */
public record SentSurvey(Survey survey, String link, boolean emailed) {}
