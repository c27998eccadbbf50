package dev.fairlead.routing.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.ChartJson;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.leads.LeadService;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.routing.LedgerLine;
import dev.fairlead.routing.ManualAssignment;
import dev.fairlead.routing.RepWorkload;
import dev.fairlead.routing.RoutingService;
import dev.fairlead.routing.domain.PeriodKind;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The assignment panel of the lead page (an htmx fragment, also shown on a page of its own): every
 * assignment with its explanation, and for managers a form to reassign with a reason. And the fairness ledger.
 */
@Controller
class ExplanationPageController {

    private final RoutingService routing;
    private final LeadService leads;
    private final RepService reps;
    private final FormErrors formErrors;
    private final Clock clock;
    private final LedgerCharts charts;
    private final ChartJson chartJson;

    ExplanationPageController(RoutingService routing, LeadService leads, RepService reps, FormErrors formErrors, Clock clock,
            MessageSource messages, ChartJson chartJson) {
        this.routing = routing;
        this.chartJson = chartJson;
        this.charts = new LedgerCharts(messages);
        this.leads = leads;
        this.reps = reps;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/routing/leads/{id}/explanation")
    String panel(@PathVariable long id, Model model) {
        return fill(model, id, Map.of(), null);
    }

    @GetMapping("/routing/leads/{id}")
    String page(@PathVariable long id, Model model) {
        fill(model, id, Map.of(), null);
        model.addAttribute("lead", leads.get(Viewers.require(), id));
        return "routing/lead-assignments";
    }

    @PostMapping("/routing/leads/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) Long repId, @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean overrideCaps, Model model) {
        try {
            routing.assign(Viewers.require(), id, new ManualAssignment(repId, reason, overrideCaps));
        } catch (InvalidInputException e) {
            return fill(model, id, formErrors.of(e), null);
        } catch (ConflictException e) {
            return fill(model, id, Map.of("repId", e.getMessage()), e.code());
        }
        return fill(model, id, Map.of(), null);
    }

    @GetMapping("/routing/ledger")
    String ledger(@RequestParam(defaultValue = "MONTH") PeriodKind period, Model model) {
        List<LedgerLine> lines = routing.ledger(Viewers.require(), period, LocalDate.now(clock));
        model.addAttribute("lines", lines);
        List<RepWorkload> workload = routing.workload(Viewers.require());
        model.addAttribute("workload", workload);
        Map<String, Object> lorenz = charts.lorenz(lines);
        model.addAttribute("lorenzChart", lorenz);
        model.addAttribute("pointsChartJson", chartJson.of(charts.points(lines)));
        model.addAttribute("lorenzChartJson", chartJson.of(lorenz));
        model.addAttribute("workloadChartJson", chartJson.of(charts.workload(workload)));
        model.addAttribute("period", period);
        model.addAttribute("periods", PeriodKind.values());
        model.addAttribute("periodStart", period.start(LocalDate.now(clock)));
        return "routing/ledger";
    }

    private String fill(Model model, long id, Map<String, String> errors, String conflict) {
        Viewer viewer = Viewers.require();
        model.addAttribute("leadId", id);
        model.addAttribute("assignments", routing.assignments(viewer, id));
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("canAssign", viewer.role().managesOrganisation());
        model.addAttribute("reps", viewer.role().managesOrganisation() ? reps.list(viewer, new RepQuery(null, null, null, true)) : List.of());
        return "routing/explanation :: panel";
    }
}
