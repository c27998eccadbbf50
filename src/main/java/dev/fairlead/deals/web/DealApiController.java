package dev.fairlead.deals.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.deals.ConvertLeadCommand;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealCommand;
import dev.fairlead.deals.DealQuery;
import dev.fairlead.deals.DealService;
import dev.fairlead.deals.FunnelQuery;
import dev.fairlead.deals.FunnelReport;
import dev.fairlead.deals.FunnelService;
import dev.fairlead.deals.Pipeline;
import dev.fairlead.deals.PipelineCommand;
import dev.fairlead.deals.StageMove;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/deals")
@Tag(name = "Deals", description = "Deals (商机): stages, lead conversion, won revenue, funnel")
class DealApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final DealService deals;
    private final FunnelService funnels;
    private final MessageSource messages;

    DealApiController(DealService deals, FunnelService funnels, MessageSource messages) {
        this.deals = deals;
        this.funnels = funnels;
        this.messages = messages;
    }

    @GetMapping
    @Operation(operationId = "listDeals", summary = "Deals the caller may see; teamId includes sub-teams, open=true leaves out won and lost")
    List<Deal> list(@RequestParam(required = false) String stage, @RequestParam(required = false) Long ownerRepId,
            @RequestParam(required = false) Long teamId, @RequestParam(required = false) String source,
            @RequestParam(required = false) Boolean open, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long leadId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return deals.list(Viewers.require(), new DealQuery(stage, ownerRepId, teamId, source, open, q, leadId, page, size));
    }

    @Operation(operationId = "getDeal")
    @GetMapping("/{id}")
    Deal get(@PathVariable long id) {
        return deals.get(Viewers.require(), id);
    }

    @GetMapping("/{id}/stages")
    @Operation(summary = "Every stage the deal entered, when, by whom, and when it left")
    List<DealService.StageVisit> stages(@PathVariable long id) {
        return deals.stageHistory(Viewers.require(), id);
    }

    @Operation(operationId = "createDeal")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Deal create(@RequestBody DealCommand cmd) {
        return deals.create(Viewers.require(), cmd);
    }

    @PostMapping("/from-lead/{leadId}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Convert a lead: finds or creates its customer, opens a deal, marks the lead CONVERTED")
    Deal convert(@PathVariable long leadId, @RequestBody(required = false) ConvertLeadCommand cmd) {
        return deals.convertLead(Viewers.require(), leadId, cmd == null ? new ConvertLeadCommand(null, null, null, null, null) : cmd);
    }

    @Operation(operationId = "updateDeal")
    @PutMapping("/{id}")
    Deal update(@PathVariable long id, @RequestBody DealCommand cmd) {
        return deals.update(Viewers.require(), id, cmd);
    }

    @PostMapping("/{id}/stage")
    @Operation(summary = "Move to another stage, win (wonOn, default today) or lose (lostReason required)")
    Deal move(@PathVariable long id, @RequestBody StageMove move) {
        return deals.move(Viewers.require(), id, move);
    }

    @GetMapping("/pipeline")
    @Operation(summary = "The open stages of a team's pipeline (its own, inherited, or the company default)")
    Pipeline pipeline(@RequestParam(required = false) Long teamId) {
        return deals.pipeline(teamId);
    }

    @PutMapping("/pipeline/{teamId}")
    Pipeline configure(@PathVariable long teamId, @RequestBody PipelineCommand cmd) {
        return deals.configurePipeline(Viewers.require(), teamId, cmd);
    }

    @GetMapping("/funnel")
    @Operation(operationId = "dealFunnel", summary = "Funnel: deals reaching each stage, stage-to-stage conversion, days in stage, win rate; by REP, TEAM, SOURCE or MONTH")
    FunnelReport funnel(@RequestParam(required = false) Long teamId, @RequestParam(required = false) Long repId,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) FunnelQuery.Breakdown by) {
        return funnels.funnel(Viewers.require(), new FunnelQuery(teamId, repId, source, from, to, by));
    }

    @GetMapping("/funnel.xlsx")
    @Operation(summary = "The same funnel as an XLSX workbook")
    void funnelXlsx(@RequestParam(required = false) Long teamId, @RequestParam(required = false) Long repId,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) FunnelQuery.Breakdown by, HttpServletResponse response) throws IOException {
        FunnelReport report = funnels.funnel(Viewers.require(), new FunnelQuery(teamId, repId, source, from, to, by));
        writeXlsx(report, messages, response);
    }

    static void writeXlsx(FunnelReport report, MessageSource messages, HttpServletResponse response) throws IOException {
        var locale = LocaleContextHolder.getLocale();
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"funnel.xlsx\"");
        FunnelWorkbook.write(report, "zh".equals(locale.getLanguage()),
                key -> messages.getMessage(key, null, key, locale), response.getOutputStream());
    }

}
