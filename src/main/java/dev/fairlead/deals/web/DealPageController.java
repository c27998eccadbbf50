package dev.fairlead.deals.web;

import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.deals.ConvertLeadCommand;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealPagePanel;
import dev.fairlead.deals.DealQuery;
import dev.fairlead.deals.DealService;
import dev.fairlead.deals.DealStage;
import dev.fairlead.deals.FunnelQuery;
import dev.fairlead.deals.FunnelReport;
import dev.fairlead.deals.FunnelService;
import dev.fairlead.deals.Pipeline;
import dev.fairlead.deals.PipelineCommand;
import dev.fairlead.deals.StageMove;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class DealPageController {

    private final dev.fairlead.filters.SavedFilterPanel savedFilters;

    private final DealService deals;
    private final FunnelService funnels;
    private final RepService reps;
    private final TeamService teams;
    private final AuditTrail audit;
    private final FormErrors formErrors;
    private final MessageSource messages;
    private final Clock clock;
    private final List<DealPagePanel> panels;

    DealPageController(DealService deals, FunnelService funnels, RepService reps, TeamService teams, AuditTrail audit,
            FormErrors formErrors, MessageSource messages, Clock clock, List<DealPagePanel> panels, dev.fairlead.filters.SavedFilterPanel savedFilters) {
        this.savedFilters = savedFilters;
        this.panels = panels.stream().filter(p -> p.page() == DealPagePanel.Page.DEAL)
                .sorted(java.util.Comparator.comparingInt(DealPagePanel::order)).toList();
        this.deals = deals;
        this.funnels = funnels;
        this.reps = reps;
        this.teams = teams;
        this.audit = audit;
        this.formErrors = formErrors;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/deals")
    String list(@RequestParam(required = false) String stage, @RequestParam(required = false) Long ownerRepId,
            @RequestParam(required = false) Long teamId, @RequestParam(required = false) String source,
            @RequestParam(required = false) Boolean open, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx, jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        Viewer viewer = Viewers.require();
        DealQuery query = new DealQuery(stage, ownerRepId, teamId, source, open, q, null, page, 50);
        if (htmx == null) {
            savedFilters.addTo(model, viewer, dev.fairlead.filters.FilteredList.DEALS, request.getQueryString(), "deal-filter");
        }
        model.addAttribute("deals", deals.list(viewer, query));
        model.addAttribute("filter", query);
        model.addAttribute("teams", teams.list(viewer, false));
        model.addAttribute("reps", reps.list(viewer, RepQuery.all()));
        model.addAttribute("sources", LeadSource.values());
        model.addAttribute("stageNames", stageNames(deals.pipeline(teamId != null ? teamId : viewer.teamId())));
        model.addAttribute("pipeline", deals.pipeline(teamId != null ? teamId : viewer.teamId()));
        return htmx != null ? "deals/list :: rows" : "deals/list";
    }

    @GetMapping("/deals/board")
    String board(@RequestParam(required = false) Long teamId, Model model) {
        boardModel(Viewers.require(), teamId, model);
        return "deals/board";
    }

    @PostMapping("/deals/{id}/stage")
    String move(@PathVariable long id, @RequestParam String stage, @RequestParam(required = false) Integer probability,
            @RequestParam(required = false) String lostReason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate wonOn,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Long boardTeamId,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        Viewer viewer = Viewers.require();
        Map<String, String> errors = Map.of();
        try {
            deals.move(viewer, id, new StageMove(stage, probability, lostReason, wonOn, reason));
        } catch (InvalidInputException e) {
            errors = formErrors.of(e);
        }
        if (htmx != null) {
            boardModel(viewer, boardTeamId, model);
            model.addAttribute("errors", errors);
            return "deals/board :: board";
        }
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("saved", true);
        } else {
            redirect.addFlashAttribute("errors", errors);
        }
        return "redirect:/deals/" + id;
    }

    @GetMapping("/deals/{id}")
    String detail(@PathVariable long id, Model model) {
        Viewer viewer = Viewers.require();
        Deal deal = deals.get(viewer, id);
        Pipeline pipeline = deals.pipeline(deal.ownerTeamId());
        model.addAttribute("deal", deal);
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("stageNames", stageNames(pipeline));
        model.addAttribute("visits", deals.stageHistory(viewer, id));
        model.addAttribute("history", audit.search(viewer, AuditFilter.forEntity("deal", id)).items());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("canChange", viewer.role() != dev.fairlead.common.Role.FINANCE);
        model.addAttribute("panels", panels);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "deals/detail";
    }

    @GetMapping("/deals/new")
    String newForm(@RequestParam(required = false) Long leadId, Model model) {
        DealForm form = new DealForm();
        form.setLeadId(leadId);
        form.setCurrency(deals.currency());
        return form(model, form, null, Map.of());
    }

    @GetMapping("/deals/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, DealForm.of(deals.get(Viewers.require(), id)), id, Map.of());
    }

    @PostMapping("/deals")
    String create(@ModelAttribute("form") DealForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return save(form, binding, null, model, redirect);
    }

    @PostMapping("/deals/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") DealForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        return save(form, binding, id, model, redirect);
    }

    @GetMapping("/deals/funnel")
    String funnel(@RequestParam(required = false) Long teamId, @RequestParam(required = false) Long repId,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) FunnelQuery.Breakdown by, Model model) {
        Viewer viewer = Viewers.require();
        FunnelReport report = funnels.funnel(viewer, new FunnelQuery(teamId, repId, source, from, to, by));
        boolean chinese = chinese();
        model.addAttribute("report", report);
        model.addAttribute("teams", teams.list(viewer, false));
        model.addAttribute("reps", reps.list(viewer, RepQuery.all()));
        model.addAttribute("sources", LeadSource.values());
        model.addAttribute("breakdowns", FunnelQuery.Breakdown.values());
        model.addAttribute("funnelChart", report.stages().stream()
                .map(s -> Map.of("name", s.name(chinese), "value", s.reached())).toList());
        List<Object> groups = new ArrayList<>();
        report.groups().forEach(g -> groups.add(Map.of("key", g.key(), "won", g.totals().won(), "lost", g.totals().lost(),
                "open", g.totals().open(), "winRate", g.totals().winRate() == null ? 0 : Math.round(g.totals().winRate() * 1000) / 10.0)));
        model.addAttribute("groupChart", groups);
        return "deals/funnel";
    }

    @GetMapping("/deals/funnel/export")
    void funnelExport(@RequestParam(required = false) Long teamId, @RequestParam(required = false) Long repId,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) FunnelQuery.Breakdown by, HttpServletResponse response) throws IOException {
        DealApiController.writeXlsx(funnels.funnel(Viewers.require(), new FunnelQuery(teamId, repId, source, from, to, by)),
                messages, response);
    }

    @GetMapping("/deals/pipeline")
    String pipeline(@RequestParam(required = false) Long teamId, Model model) {
        Viewer viewer = Viewers.require();
        Long team = teamId != null ? teamId : viewer.teamId();
        Pipeline pipeline = deals.pipeline(team);
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("teamId", team);
        model.addAttribute("teams", teams.list(viewer, false));
        if (!model.containsAttribute("stagesText")) {
            StringBuilder text = new StringBuilder();
            pipeline.stages().forEach(s -> text.append(s.code()).append(" | ").append(s.nameEn()).append(" | ")
                    .append(s.nameZh()).append(" | ").append(s.probability()).append('\n'));
            model.addAttribute("stagesText", text.toString());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "deals/pipeline";
    }

    @PostMapping("/deals/pipeline/{teamId}")
    String savePipeline(@PathVariable long teamId, @RequestParam String stagesText, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        List<PipelineCommand.Stage> stages = new ArrayList<>();
        for (String line : stagesText.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|");
            Integer probability = null;
            try {
                probability = parts.length > 3 ? Integer.valueOf(parts[3].trim()) : null;
            } catch (NumberFormatException e) {
                probability = -1;
            }
            stages.add(new PipelineCommand.Stage(parts[0].trim(), parts.length > 1 ? parts[1].trim() : null,
                    parts.length > 2 ? parts[2].trim() : null, probability));
        }
        try {
            deals.configurePipeline(Viewers.require(), teamId, new PipelineCommand(stages, reason));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
            redirect.addFlashAttribute("stagesText", stagesText);
        }
        return "redirect:/deals/pipeline?teamId=" + teamId;
    }

    @GetMapping("/deals/leads/{leadId}/panel")
    String leadPanel(@PathVariable long leadId, Model model) {
        return panel(leadId, model, Map.of());
    }

    @PostMapping("/deals/leads/{leadId}/convert")
    String convert(@PathVariable long leadId, @RequestParam(required = false) String name,
            @RequestParam(required = false) BigDecimal amount, @RequestParam(required = false) String currency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedClose,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Map<String, String> errors = Map.of();
        try {
            Deal deal = deals.convertLead(Viewers.require(), leadId, new ConvertLeadCommand(name, amount, currency, expectedClose, null));
            if (htmx == null) {
                return "redirect:/deals/" + deal.id();
            }
        } catch (InvalidInputException e) {
            errors = formErrors.of(e);
        }
        return panel(leadId, model, errors);
    }

    private String panel(long leadId, Model model, Map<String, String> errors) {
        Viewer viewer = Viewers.require();
        model.addAttribute("leadId", leadId);
        model.addAttribute("deals", deals.list(viewer, DealQuery.ofLead(leadId)));
        model.addAttribute("stageNames", stageNames(deals.pipeline(viewer.teamId())));
        model.addAttribute("currency", deals.currency());
        model.addAttribute("errors", errors);
        model.addAttribute("canConvert", viewer.role() != dev.fairlead.common.Role.FINANCE);
        return "deals/lead-panel :: panel";
    }

    private String save(DealForm form, BindingResult binding, Long id, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(model, form, id, formErrors.of(binding));
        }
        Viewer viewer = Viewers.require();
        Deal saved;
        try {
            saved = id == null ? deals.create(viewer, form.command()) : deals.update(viewer, id, form.command());
        } catch (InvalidInputException e) {
            return form(model, form, id, formErrors.of(e));
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/deals/" + saved.id();
    }

    private String form(Model model, DealForm form, Long id, Map<String, String> errors) {
        Viewer viewer = Viewers.require();
        model.addAttribute("form", form);
        model.addAttribute("dealId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("reps", reps.list(viewer, new RepQuery(null, null, null, true)));
        Long team = form.getOwnerRepId() != null ? null : viewer.teamId();
        model.addAttribute("pipeline", deals.pipeline(team));
        return "deals/form";
    }

    private void boardModel(Viewer viewer, Long teamId, Model model) {
        Long team = teamId != null ? teamId : viewer.teamId();
        Pipeline pipeline = deals.pipeline(team);
        List<Deal> all = deals.list(viewer, new DealQuery(null, null, teamId, null, null, null, null, 0, 500));
        java.time.Instant recent = clock.instant().minus(Duration.ofDays(30));
        Map<String, List<Deal>> columns = new LinkedHashMap<>();
        pipeline.stages().forEach(s -> columns.put(s.code(), new ArrayList<>()));
        columns.put(DealStage.WON, new ArrayList<>());
        columns.put(DealStage.LOST, new ArrayList<>());
        List<Deal> elsewhere = new ArrayList<>();
        for (Deal d : all) {
            if (!d.open() && d.closedAt() != null && d.closedAt().isBefore(recent)) {
                continue;
            }
            columns.getOrDefault(d.stage(), elsewhere).add(d);
        }
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("columns", columns);
        model.addAttribute("elsewhere", elsewhere);
        model.addAttribute("stageNames", stageNames(pipeline));
        model.addAttribute("teams", teams.list(viewer, false));
        model.addAttribute("boardTeamId", teamId);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    private Map<String, String> stageNames(Pipeline pipeline) {
        boolean chinese = chinese();
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> names = new LinkedHashMap<>();
        pipeline.stages().forEach(s -> names.put(s.code(), s.name(chinese)));
        names.put(DealStage.WON, messages.getMessage("deal.stage.won", null, locale));
        names.put(DealStage.LOST, messages.getMessage("deal.stage.lost", null, locale));
        return names;
    }

    private static boolean chinese() {
        return "zh".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
