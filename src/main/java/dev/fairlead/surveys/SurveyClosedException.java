package dev.fairlead.surveys;

/** The survey's link no longer takes an answer: answered already, or expired; with what the page may show. */
public class SurveyClosedException extends RuntimeException {

    private final Survey.State state;
    private final PublicSurvey survey;

    public SurveyClosedException(Survey.State state, PublicSurvey survey) {
        super("Survey " + state.name().toLowerCase(java.util.Locale.ROOT));
        this.state = state;
        this.survey = survey;
    }

    public Survey.State state() {
        return state;
    }

    public PublicSurvey survey() {
        return survey;
    }
}
