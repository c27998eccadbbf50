package dev.fairlead.performance.web;

import dev.fairlead.performance.RepScorecard;
import dev.fairlead.performance.domain.DimensionScore;
import dev.fairlead.performance.domain.Hint;
import dev.fairlead.performance.domain.Metric;
import dev.fairlead.performance.domain.Scorecard;
import dev.fairlead.performance.domain.Step;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A scorecard in words, in the reader's language ({@code i18n/performance*.properties}): for each
 * dimension how its points were computed and the next threshold worth reaching; for the card the
 * total and its gate. The rules are public, so the words say exactly what the maths did.
 */
@Component("scorecardText")
public class ScorecardText {

    /** One dimension's words. */
    public record Words(String howComputed, String hint) {}

    /** The card's words: by metric, then the total and the best next step. */
    @Schema(name = "ScorecardExplanation")
    public record Explanation(Map<Metric, Words> dimensions, String total, String next) {}

    private final MessageSource messages;

    ScorecardText(MessageSource messages) {
        this.messages = messages;
    }

    public Explanation explain(RepScorecard card, Locale locale) {
        Map<Metric, Words> dimensions = new LinkedHashMap<>();
        for (DimensionScore d : card.card().dimensions()) {
            dimensions.put(d.metric(), new Words(howComputed(d, card.currency(), locale), d.hint() == null ? null : hint(d.hint(), card.currency(), locale)));
        }
        Scorecard c = card.card();
        return new Explanation(dimensions, total(c, locale), c.next() == null ? null : hint(c.next(), card.currency(), locale));
    }

    public String metric(Metric metric, Locale locale) {
        return text(locale, "performance.metric." + metric.name());
    }

    public String howComputed(DimensionScore d, String currency, Locale locale) {
        String name = metric(d.metric(), locale);
        StringBuilder s = new StringBuilder();
        if (!d.actual().hasValue()) {
            s.append(text(locale, "performance.how.noData", name, d.weight()));
        } else {
            s.append(text(locale, "performance.how.actual", name, amount(d.metric(), d.actual().value(), currency, locale),
                    amount(d.metric(), d.targets().target(), currency, locale), plain(d.attainment())));
            if (d.actual().of() != null && d.metric().unit() != Metric.Unit.MONEY && d.metric().unit() != Metric.Unit.COUNT
                    && d.actual().count() != null) {
                s.append(' ').append(text(locale, "performance.how.share." + d.metric().name(), d.actual().count(), d.actual().of()));
            }
            s.append(' ');
            s.append(switch (d.rule().curve()) {
                case LINEAR -> text(locale, "performance.how.linear", plain(d.rule().capPercent()), plain(d.paidPercent()), d.weight(),
                        plain(d.points()));
                case STEPS -> text(locale, "performance.how.steps", steps(d, locale), plain(d.paidPercent()), d.weight(), plain(d.points()));
            });
        }
        if (d.targetsFromGoal()) {
            s.append(' ').append(text(locale, "performance.how.fromGoal"));
        }
        if (d.rule().gate() != null) {
            s.append(' ').append(text(locale, "performance.how.gate", plain(d.rule().gate().belowPercent()),
                    amount(d.metric(), d.targets().gateBasis(), currency, locale), plain(d.rule().gate().capScore()),
                    text(locale, d.gateFailed() ? "performance.how.gate.failed" : "performance.how.gate.passed")));
        }
        return s.toString();
    }

    public String hint(Hint h, String currency, Locale locale) {
        String kind = text(locale, "performance.hint.kind." + h.kind().name());
        if (h.metric().unit() == Metric.Unit.RATING) {
            return text(locale, "performance.hint.rating", metric(h.metric(), locale), plain(h.reach()), plain(h.gain()), kind);
        }
        if (h.metric().unit() == Metric.Unit.PERCENT) {
            return text(locale, "performance.hint.percent", metric(h.metric(), locale), plain(h.reach()), plain(h.gain()), kind);
        }
        return text(locale, "performance.hint.more", amount(h.metric(), h.more(), currency, locale),
                text(locale, "performance.noun." + h.metric().name()), plain(h.gain()), kind);
    }

    public String total(Scorecard c, Locale locale) {
        String total = text(locale, "performance.how.total", plain(c.sum()), plain(c.total()));
        return c.gatedBy() == null ? total
                : total + " " + text(locale, "performance.how.total.capped", plain(c.gateCap()), metric(c.gatedBy(), locale));
    }

    public String amount(Metric metric, BigDecimal value, String currency, Locale locale) {
        if (value == null) {
            return "—";
        }
        return switch (metric.unit()) {
            case MONEY -> {
                NumberFormat f = NumberFormat.getNumberInstance(locale);
                f.setMinimumFractionDigits(2);
                f.setMaximumFractionDigits(2);
                yield currency + " " + f.format(value);
            }
            case COUNT -> value.stripTrailingZeros().toPlainString();
            case PERCENT -> plain(value) + "%";
            case RATING -> plain(value) + " / 5";
        };
    }

    private String steps(DimensionScore d, Locale locale) {
        return d.rule().steps().stream().map((Step s) -> text(locale, "performance.how.step", plain(s.atPercent()), plain(s.paysPercent())))
                .collect(Collectors.joining(", "));
    }

    public static String plain(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().scale() <= 0 ? v.setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString()
                : v.stripTrailingZeros().toPlainString();
    }

    public String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
