package dev.fairlead.deals.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sales funnel as a function of deal paths. A deal has "reached" an open stage when its furthest
 * position is at or beyond it; a won deal has reached every stage. Conversion from one stage to the
 * next is reached(next) / reached(this), the last open stage converts into won. The win rate is
 * won / (won + lost): open deals are not decided yet. Time in stage averages the visits that ended.
 */
public final class Funnel {

    public enum Outcome { OPEN, WON, LOST }

    public record Stage(String code, int position) {}

    public record Visit(String stage, Instant enteredAt, Instant leftAt) {}

    /** One deal; {@code amount} null when it is in another currency than the report (counted, not summed). */
    public record DealPath(long dealId, String group, int furthest, Outcome outcome, BigDecimal amount, List<Visit> visits) {}

    public record StageFigures(String code, long reached, BigDecimal amount, Double conversionToNext, Double averageDaysInStage) {}

    public record Totals(long deals, long open, long won, long lost, Double winRate, BigDecimal wonAmount, BigDecimal openAmount) {}

    public record Group(String key, Totals totals, List<Long> reached) {}

    public record Result(List<StageFigures> stages, Totals totals, List<Group> groups) {}

    private Funnel() {}

    public static Result compute(List<Stage> pipeline, List<DealPath> deals) {
        List<StageFigures> stages = new ArrayList<>();
        for (int i = 0; i < pipeline.size(); i++) {
            Stage stage = pipeline.get(i);
            List<DealPath> reached = deals.stream().filter(d -> reached(d, stage)).toList();
            Stage following = i + 1 < pipeline.size() ? pipeline.get(i + 1) : null;
            long next = following != null
                    ? deals.stream().filter(d -> reached(d, following)).count()
                    : deals.stream().filter(d -> d.outcome() == Outcome.WON).count();
            stages.add(new StageFigures(stage.code(), reached.size(), sum(reached),
                    reached.isEmpty() ? null : (double) next / reached.size(), averageDays(stage.code(), deals)));
        }
        List<DealPath> won = deals.stream().filter(d -> d.outcome() == Outcome.WON).toList();
        stages.add(new StageFigures("won", won.size(), sum(won), null, null));
        Map<String, List<DealPath>> byGroup = deals.stream()
                .collect(Collectors.groupingBy(d -> d.group() == null ? "" : d.group(), LinkedHashMap::new, Collectors.toList()));
        List<Group> groups = byGroup.entrySet().stream()
                .map(e -> new Group(e.getKey(), totals(e.getValue()),
                        pipeline.stream().map(s -> e.getValue().stream().filter(d -> reached(d, s)).count()).toList()))
                .sorted((a, b) -> Long.compare(b.totals().deals(), a.totals().deals()))
                .toList();
        return new Result(stages, totals(deals), groups);
    }

    public static Totals totals(List<DealPath> deals) {
        long won = count(deals, Outcome.WON);
        long lost = count(deals, Outcome.LOST);
        return new Totals(deals.size(), count(deals, Outcome.OPEN), won, lost,
                won + lost == 0 ? null : (double) won / (won + lost),
                sum(deals.stream().filter(d -> d.outcome() == Outcome.WON).toList()),
                sum(deals.stream().filter(d -> d.outcome() == Outcome.OPEN).toList()));
    }

    static boolean reached(DealPath deal, Stage stage) {
        return deal.outcome() == Outcome.WON || deal.furthest() >= stage.position();
    }

    private static Double averageDays(String stage, List<DealPath> deals) {
        List<Duration> spent = deals.stream()
                .flatMap(d -> d.visits().stream())
                .filter(v -> v.stage().equals(stage) && v.leftAt() != null)
                .map(v -> Duration.between(v.enteredAt(), v.leftAt()))
                .toList();
        if (spent.isEmpty()) {
            return null;
        }
        double seconds = spent.stream().mapToLong(Duration::toSeconds).average().orElse(0);
        return seconds / 86_400d;
    }

    private static long count(List<DealPath> deals, Outcome outcome) {
        return deals.stream().filter(d -> d.outcome() == outcome).count();
    }

    private static BigDecimal sum(List<DealPath> deals) {
        return deals.stream().map(DealPath::amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Groups deals by any key, for callers that want their own breakdown. */
    public static <K> Map<K, List<DealPath>> by(List<DealPath> deals, Function<DealPath, K> key) {
        return deals.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }
}
