package dev.fairlead.deals;

import dev.fairlead.common.Viewer;
import dev.fairlead.deals.domain.Funnel;
import dev.fairlead.deals.persistence.DealRepository;
import dev.fairlead.deals.persistence.PipelineRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the funnel for the deals a viewer may see, through the pure {@link Funnel} maths. */
@Service
public class FunnelService {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final DealRepository deals;
    private final PipelineRepository pipelines;
    private final DealsProperties properties;
    private final Clock clock;

    FunnelService(DealRepository deals, PipelineRepository pipelines, DealsProperties properties, Clock clock) {
        this.deals = deals;
        this.pipelines = pipelines;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public FunnelReport funnel(Viewer viewer, FunnelQuery q) {
        ZoneId zone = clock.getZone();
        Instant from = q.from() == null ? null : q.from().atStartOfDay(zone).toInstant();
        Instant to = q.to() == null ? null : q.to().plusDays(1).atStartOfDay(zone).toInstant();
        List<DealRepository.FunnelRow> rows = deals.funnelRows(viewer, q.teamId(), q.repId(), q.source(), from, to);
        Map<Long, List<Funnel.Visit>> visits = deals.history(rows.stream().map(DealRepository.FunnelRow::id).toList()).stream()
                .collect(Collectors.groupingBy(DealRepository.StageVisit::dealId,
                        Collectors.mapping(v -> new Funnel.Visit(v.stage(), v.enteredAt(), v.leftAt()), Collectors.toList())));
        Pipeline pipeline = pipelines.forTeam(q.teamId());
        List<Funnel.DealPath> paths = new ArrayList<>();
        long otherCurrency = 0;
        for (DealRepository.FunnelRow row : rows) {
            boolean counted = properties.currency().equals(row.currency());
            otherCurrency += counted ? 0 : 1;
            paths.add(new Funnel.DealPath(row.id(), group(q.by(), row, zone), row.furthest(), outcome(row.stage()),
                    counted ? row.amount() : null, visits.getOrDefault(row.id(), List.of())));
        }
        Funnel.Result result = Funnel.compute(
                pipeline.stages().stream().map(s -> new Funnel.Stage(s.code(), s.position())).toList(), paths);
        List<FunnelReport.StageRow> stages = result.stages().stream().map(s -> {
            var stage = pipeline.stage(s.code());
            String en = stage.map(DealStage::nameEn).orElse("Won");
            String zh = stage.map(DealStage::nameZh).orElse("赢单");
            return new FunnelReport.StageRow(s.code(), en, zh, s.reached(), s.amount(), s.conversionToNext(), s.averageDaysInStage());
        }).toList();
        return new FunnelReport(q, properties.currency(), pipeline, stages, totals(result.totals()),
                result.groups().stream().map(g -> new FunnelReport.GroupRow(g.key(), totals(g.totals()), g.reached())).toList(),
                otherCurrency);
    }

    private static FunnelReport.Totals totals(Funnel.Totals t) {
        return new FunnelReport.Totals(t.deals(), t.open(), t.won(), t.lost(), t.winRate(), t.wonAmount(), t.openAmount());
    }

    private static Funnel.Outcome outcome(String stage) {
        return DealStage.WON.equals(stage) ? Funnel.Outcome.WON
                : DealStage.LOST.equals(stage) ? Funnel.Outcome.LOST : Funnel.Outcome.OPEN;
    }

    private static String group(FunnelQuery.Breakdown by, DealRepository.FunnelRow row, ZoneId zone) {
        return switch (by) {
            case REP -> row.ownerName();
            case TEAM -> row.teamName();
            case SOURCE -> row.source() == null ? "—" : row.source();
            case MONTH -> MONTH.format(row.createdAt().atZone(zone));
        };
    }
}
