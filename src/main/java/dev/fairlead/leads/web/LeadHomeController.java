package dev.fairlead.leads.web;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadQuery;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.leads.RepLoad;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/** The home page's lead cards: the rep's new leads, and open leads against cap for each rep in the viewer's scope. */
@Controller
class LeadHomeController {

    private static final int SHOWN = 5;
    /** Reps in the load chart, the most loaded first; more would not read as bars on a card. */
    static final int CHARTED = 15;

    private final LeadService leads;
    private final LeadOwnership ownership;
    private final RepService reps;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    LeadHomeController(LeadService leads, LeadOwnership ownership, RepService reps, MessageSource messages) {
        this.leads = leads;
        this.ownership = ownership;
        this.reps = reps;
        this.messages = messages;
    }

    /** The rep's own leads still waiting for a first contact (status NEW), newest first. */
    @GetMapping("/leads/home/new")
    String newLeads(Model model) {
        Viewer viewer = Viewers.require();
        List<Lead> fresh = viewer.repId() == null ? List.of()
                : leads.list(viewer, new LeadQuery(LeadStatus.NEW, viewer.repId(), null, null, null, 0, 500));
        long open = viewer.repId() == null ? 0 : ownership.loads(List.of(viewer.repId()))
                .getOrDefault(viewer.repId(), RepLoad.empty(viewer.repId())).openLeads();
        model.addAttribute("count", fresh.size());
        model.addAttribute("open", open);
        model.addAttribute("shown", fresh.stream().limit(SHOWN).toList());
        return "leads/home :: newLeads";
    }

    /** Open leads against each active rep's cap, the fullest first, as a bar chart and the reps at their cap. */
    @GetMapping("/leads/home/load")
    String load(Model model) {
        Viewer viewer = Viewers.require();
        List<Rep> active = reps.list(viewer, new RepQuery(null, null, null, true));
        Map<Long, RepLoad> loads = ownership.loads(active.stream().map(Rep::id).toList());
        List<RepRow> rows = active.stream()
                .map(r -> new RepRow(r, loads.getOrDefault(r.id(), RepLoad.empty(r.id())).openLeads()))
                .sorted(Comparator.comparingDouble(RepRow::share).reversed().thenComparing(row -> row.rep().name()))
                .toList();
        model.addAttribute("reps", rows.size());
        model.addAttribute("atCap", rows.stream().filter(RepRow::atCap).map(row -> row.rep().name()).toList());
        model.addAttribute("open", rows.stream().mapToLong(RepRow::open).sum());
        model.addAttribute("capacity", rows.stream().mapToLong(row -> row.rep().maxOpenLeads()).sum());
        model.addAttribute("chart", json.writeValueAsString(chart(rows.stream().limit(CHARTED).toList())));
        model.addAttribute("charted", Math.min(rows.size(), CHARTED));
        return "leads/home :: load";
    }

    /** An ECharts option: a horizontal bar per rep, open leads drawn over the cap. */
    private Map<String, Object> chart(List<RepRow> rows) {
        List<RepRow> bottomUp = new ArrayList<>(rows);
        Collections.reverse(bottomUp);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("legend", Map.of("bottom", 0));
        option.put("grid", Map.of("left", 8, "right", 16, "top", 8, "bottom", 32, "containLabel", true));
        option.put("xAxis", Map.of("type", "value", "minInterval", 1));
        option.put("yAxis", Map.of("type", "category", "data", bottomUp.stream().map(r -> r.rep().name()).toList()));
        option.put("series", List.of(
                Map.of("name", message("lead.home.cap"), "type", "bar", "barGap", "-100%", "itemStyle", Map.of("color", "#dee2e6"),
                        "data", bottomUp.stream().map(r -> r.rep().maxOpenLeads()).toList()),
                Map.of("name", message("lead.home.openLeads"), "type", "bar", "itemStyle", Map.of("color", "#0d6efd"),
                        "data", bottomUp.stream().map(RepRow::open).toList())));
        return option;
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    record RepRow(Rep rep, long open) {

        double share() {
            return rep.maxOpenLeads() <= 0 ? 0 : (double) open / rep.maxOpenLeads();
        }

        boolean atCap() {
            return rep.maxOpenLeads() > 0 && open >= rep.maxOpenLeads();
        }
    }
}
