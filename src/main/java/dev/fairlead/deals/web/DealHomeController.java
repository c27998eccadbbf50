package dev.fairlead.deals.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealQuery;
import dev.fairlead.deals.DealService;
import dev.fairlead.deals.Pipeline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page's pipeline card: the rep's open deals by stage of her team's pipeline, with their amounts. */
@Controller
class DealHomeController {

    private final DealService deals;

    DealHomeController(DealService deals) {
        this.deals = deals;
    }

    /**
     * A row per stage the rep has open deals in, in pipeline order (stages of another team's
     * pipeline after them), with the count and the amounts summed per currency.
     */
    @GetMapping("/deals/home/pipeline")
    String pipeline(Model model) {
        Viewer viewer = Viewers.require();
        List<Deal> open = viewer.repId() == null ? List.of()
                : deals.list(viewer, new DealQuery(null, viewer.repId(), null, null, true, null, null, 0, 500));
        Pipeline pipeline = deals.pipeline(viewer.teamId());
        boolean chinese = "zh".equals(LocaleContextHolder.getLocale().getLanguage());
        Map<String, StageRow> rows = new LinkedHashMap<>();
        pipeline.stages().forEach(s -> rows.put(s.code(), new StageRow(s.code(), s.name(chinese))));
        for (Deal deal : open) {
            rows.computeIfAbsent(deal.stage(), code -> new StageRow(code, pipeline.stage(code).map(s -> s.name(chinese)).orElse(code)))
                    .add(deal);
        }
        model.addAttribute("stages", rows.values().stream().filter(r -> r.count > 0).toList());
        model.addAttribute("count", open.size());
        model.addAttribute("totals", total(open));
        return "deals/home :: pipeline";
    }

    private static Map<String, BigDecimal> total(List<Deal> open) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        open.forEach(d -> totals.merge(d.amount().currency(), d.amount().amount(), BigDecimal::add));
        return totals;
    }

    /** Open deals in one stage. */
    static final class StageRow {

        private final String code;
        private final String name;
        private final List<Deal> deals = new ArrayList<>();
        private int count;

        StageRow(String code, String name) {
            this.code = code;
            this.name = name;
        }

        void add(Deal deal) {
            deals.add(deal);
            count++;
        }

        public String code() {
            return code;
        }

        public String name() {
            return name;
        }

        public int count() {
            return count;
        }

        /** Amounts by currency (most deals are in the company currency; a few may not be). */
        public Map<String, BigDecimal> amounts() {
            return total(deals);
        }
    }
}
