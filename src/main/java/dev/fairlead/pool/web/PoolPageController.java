package dev.fairlead.pool.web;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadService;
import dev.fairlead.org.ChinaDivisions;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import dev.fairlead.pool.ClaimResult;
import dev.fairlead.pool.Pool;
import dev.fairlead.pool.PoolClaims;
import dev.fairlead.pool.PoolLead;
import dev.fairlead.pool.PoolLeadQuery;
import dev.fairlead.pool.PoolRecovery;
import dev.fairlead.pool.PoolService;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
class PoolPageController {

    private final PoolService pools;
    private final PoolClaims claims;
    private final PoolRecovery recovery;
    private final LeadService leads;
    private final RepService reps;
    private final TeamService teams;
    private final ChinaDivisions divisions;
    private final ClaimMessages claimMessages;
    private final FormErrors formErrors;
    private final MessageSource messages;
    private final dev.fairlead.common.web.ChartJson chartJson;

    PoolPageController(PoolService pools, PoolClaims claims, PoolRecovery recovery, LeadService leads, RepService reps,
            TeamService teams, ChinaDivisions divisions, ClaimMessages claimMessages, FormErrors formErrors,
            MessageSource messages, dev.fairlead.common.web.ChartJson chartJson) {
        this.pools = pools;
        this.chartJson = chartJson;
        this.claims = claims;
        this.recovery = recovery;
        this.leads = leads;
        this.reps = reps;
        this.teams = teams;
        this.divisions = divisions;
        this.claimMessages = claimMessages;
        this.formErrors = formErrors;
        this.messages = messages;
    }

    @GetMapping("/pool")
    String list(Model model) {
        model.addAttribute("pools", pools.list(Viewers.require()));
        return "pool/list";
    }

    @GetMapping("/pool/{id}")
    String leads(@PathVariable long id, @RequestParam(required = false) String grade,
            @RequestParam(required = false) String province, @RequestParam(required = false) String industry,
            @RequestParam(required = false) Integer minDays, @RequestParam(required = false) Integer maxDays,
            @RequestParam(required = false) Long previousOwner, @RequestParam(required = false) String q,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Viewer viewer = Viewers.require();
        PoolLeadQuery query = new PoolLeadQuery(grade, province, industry, minDays, maxDays, previousOwner, q, 0, 200);
        model.addAttribute("pool", pools.get(viewer, id));
        model.addAttribute("leads", pools.leads(viewer, id, query));
        model.addAttribute("filter", query);
        model.addAttribute("provinces", divisions.provinces());
        model.addAttribute("reps", reps.list(viewer, RepQuery.all()));
        if (htmx != null) {
            return "pool/leads :: rows";
        }
        List<PoolService.AgeBucket> ages = pools.ageHistogram(viewer, id);
        model.addAttribute("ages", ages);
        Map<String, Object> chart = ageChart(ages);
        model.addAttribute("ageChart", chart);
        model.addAttribute("ageChartJson", chartJson.of(chart));
        return "pool/leads";
    }

    /** The age histogram as the pool page's chart draws it (see {@code /js/charts.js}). */
    private Map<String, Object> ageChart(List<PoolService.AgeBucket> ages) {
        Map<String, Object> series = new java.util.LinkedHashMap<>();
        series.put("name", messages.getMessage("pool.age.leads", null, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        series.put("type", "bar");
        series.put("data", ages.stream().map(PoolService.AgeBucket::leads).toList());
        Map<String, Object> chart = new java.util.LinkedHashMap<>();
        chart.put("labels", ages.stream().map(this::ageLabel).toList());
        chart.put("series", List.of(series));
        chart.put("xName", messages.getMessage("pool.age.days", null, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        chart.put("integers", true);
        return chart;
    }

    private String ageLabel(PoolService.AgeBucket b) {
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        if (b.toDays() == null) {
            return messages.getMessage("pool.age.atLeast", new Object[] {b.fromDays()}, locale);
        }
        return b.toDays() - b.fromDays() == 1 ? messages.getMessage("pool.age.exactly", new Object[] {b.fromDays()}, locale)
                : messages.getMessage("pool.age.between", new Object[] {b.fromDays(), b.toDays() - 1}, locale);
    }

    @PostMapping("/pool/{id}/claims")
    String claimSelected(@PathVariable long id, @RequestParam(required = false) List<Long> leadIds, RedirectAttributes redirect) {
        List<ClaimResult> results = claims.claimAll(Viewers.require(), leadIds == null ? List.of() : leadIds);
        redirect.addFlashAttribute("claimResults", results.stream()
                .map(r -> Map.of("leadId", r.leadId(), "ok", r instanceof ClaimResult.Claimed, "text", claimMessages.text(r)))
                .toList());
        return "redirect:/pool/" + id;
    }

    @PostMapping("/pool/leads/{leadId}/claim")
    String claim(@PathVariable long leadId, @RequestParam long poolId, RedirectAttributes redirect) {
        ClaimResult result = claims.claim(Viewers.require(), leadId);
        redirect.addFlashAttribute("claimResults", List.of(Map.of("leadId", leadId, "ok", result instanceof ClaimResult.Claimed,
                "text", claimMessages.text(result))));
        return "redirect:/pool/" + poolId;
    }

    @PostMapping("/pool/leads/{leadId}/assign")
    String assign(@PathVariable long leadId, @RequestParam long poolId, @RequestParam(required = false) Long repId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (repId == null) {
            return "redirect:/pool/" + poolId;
        }
        ClaimResult result = claims.assignFromPool(Viewers.require(), leadId, repId, reason);
        redirect.addFlashAttribute("claimResults", List.of(Map.of("leadId", leadId, "ok", result instanceof ClaimResult.Claimed,
                "text", claimMessages.text(result))));
        return "redirect:/pool/" + poolId;
    }

    @GetMapping("/pool/leads/{leadId}")
    String pooledLead(@PathVariable long leadId, Model model) {
        Viewer viewer = Viewers.require();
        PoolLead lead = pools.pooledLead(viewer, leadId);
        model.addAttribute("lead", lead);
        model.addAttribute("pool", pools.get(viewer, lead.poolId()));
        model.addAttribute("moves", pools.history(leadId));
        model.addAttribute("reps", viewer.role().managesOrganisation() ? reps.list(viewer, RepQuery.all()) : List.of());
        return "pool/lead";
    }

    /** The lead page's pool panel: the move history and, for an owned lead, the release form. */
    @GetMapping("/pool/lead-panel/{leadId}")
    String panel(@PathVariable long leadId, Model model) {
        return panel(Viewers.require(), leadId, model, Map.of(), false);
    }

    @PostMapping("/pool/leads/{leadId}/release")
    String release(@PathVariable long leadId, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String returnTo,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        Viewer viewer = Viewers.require();
        try {
            long poolId = claims.release(viewer, leadId, reason);
            if (htmx != null) {
                return panel(viewer, leadId, model, Map.of(), true);
            }
            redirect.addFlashAttribute("released", true);
            return "redirect:" + (returnTo != null && returnTo.startsWith("/") ? returnTo : "/pool/" + poolId);
        } catch (InvalidInputException e) {
            return panel(viewer, leadId, model, formErrors.of(e), false);
        } catch (ConflictException e) {
            return panel(viewer, leadId, model, Map.of("reason", messages.getMessage("pool.release.notOwned", null,
                    LocaleContextHolder.getLocale())), false);
        }
    }

    @GetMapping("/pool/recovery")
    String upcoming(@RequestParam(defaultValue = "7") int days, Model model) {
        int horizon = Math.min(Math.max(days, 1), 90);
        model.addAttribute("upcoming", recovery.upcoming(Viewers.require(), horizon));
        model.addAttribute("days", horizon);
        return "pool/recovery";
    }

    @GetMapping("/pool/new")
    String newPool(Model model) {
        return form(model, new PoolForm(), null, Map.of());
    }

    @GetMapping("/pool/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        return form(model, PoolForm.of(pools.get(Viewers.require(), id)), id, Map.of());
    }

    @PostMapping("/pool/save")
    String save(@RequestParam(required = false) Long id, @ModelAttribute("form") PoolForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(model, form, id, formErrors.of(binding));
        }
        Viewer viewer = Viewers.require();
        try {
            Pool saved = id == null ? pools.create(viewer, form.command()) : pools.update(viewer, id, form.command());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/pool/" + saved.id();
        } catch (InvalidInputException e) {
            return form(model, form, id, formErrors.of(e));
        }
    }

    private String form(Model model, PoolForm form, Long id, Map<String, String> errors) {
        Viewer viewer = Viewers.require();
        if (!viewer.role().setsCompanyRules()) {
            throw new dev.fairlead.common.ForbiddenException("Only directors and administrators set up pools");
        }
        model.addAttribute("form", form);
        model.addAttribute("poolId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("teams", teams.list(viewer, false));
        return "pool/form";
    }

    private String panel(Viewer viewer, long leadId, Model model, Map<String, String> errors, boolean released) {
        Lead owned = null;
        try {
            owned = leads.get(viewer, leadId);
        } catch (NotFoundException notInScope) {
            if (!released) {
                pools.pooledLead(viewer, leadId);
            }
        }
        model.addAttribute("leadId", leadId);
        model.addAttribute("owned", owned != null && owned.owned() ? owned : null);
        model.addAttribute("canRelease", owned != null && owned.owned() && viewer.role() != Role.FINANCE);
        model.addAttribute("moves", pools.history(leadId));
        model.addAttribute("errors", errors);
        model.addAttribute("released", released);
        return "pool/panel :: panel";
    }
}
