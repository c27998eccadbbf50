package dev.fairlead.surveys;

import dev.fairlead.surveys.persistence.SurveyRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Satisfaction for other modules' metrics (the performance module's {@code SATISFACTION} dimension). */
@Service
public class SatisfactionStatistics {

    /** A rep's mean rating (1–5, one decimal, half up) over {@code answers} answers. */
    public record MeanRating(BigDecimal mean, long answers) {}

    private final SurveyRepository surveys;

    SatisfactionStatistics(SurveyRepository surveys) {
        this.surveys = surveys;
    }

    /** Per rep, the mean rating of the answers received in [from, until); reps with no answer are absent. */
    @Transactional(readOnly = true)
    public Map<Long, MeanRating> meanRatings(Collection<Long> repIds, Instant from, Instant until) {
        Map<Long, MeanRating> result = new HashMap<>();
        surveys.meanRatings(repIds, from, until).forEach((rep, v) -> result.put(rep, new MeanRating((BigDecimal) v[0], (Long) v[1])));
        return result;
    }
}
