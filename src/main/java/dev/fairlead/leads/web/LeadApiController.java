package dev.fairlead.leads.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadMerge;
import dev.fairlead.leads.LeadQuery;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/leads")
@Tag(name = "Leads", description = "Leads in the caller's data scope")
class LeadApiController {

    private final LeadService leads;

    LeadApiController(LeadService leads) {
        this.leads = leads;
    }

    @GetMapping
    @Operation(operationId = "listLeads", summary = "Leads the caller may see, newest first; teamId includes sub-teams, duplicates=true lists leads flagged for review")
    List<Lead> list(@RequestParam(required = false) LeadStatus status, @RequestParam(required = false) Long ownerRepId,
            @RequestParam(required = false) Long teamId, @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean pooled, @RequestParam(required = false) Boolean duplicates,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return leads.list(Viewers.require(), new LeadQuery(status, ownerRepId, teamId, q, pooled, duplicates, page, size));
    }

    @Operation(operationId = "getLead")
    @GetMapping("/{id}")
    Lead get(@PathVariable long id) {
        return leads.get(Viewers.require(), id);
    }

    @GetMapping("/{id}/merges")
    @Operation(summary = "Duplicates merged into this lead: what arrived, when, through which channel, what it added")
    List<LeadMerge> merges(@PathVariable long id) {
        return leads.merges(Viewers.require(), id);
    }

    @PostMapping("/{id}/status")
    @Operation(operationId = "changeLeadStatus", summary = "Change the status; CONVERTED and LOST need a reason. The owner rep or a manager in scope.")
    Lead changeStatus(@PathVariable long id, @RequestBody StatusChange change) {
        return leads.changeStatus(Viewers.require(), id, change.status(), change.reason());
    }

    @PostMapping("/{id}/merge")
    @Operation(summary = "A lead flagged as a possible duplicate was reviewed and is the lead it was flagged against: merge it "
            + "into that lead (history kept, audited) and close it; returns the lead merged into. 409 when the lead is not an "
            + "open flagged lead or the lead it duplicates is closed.")
    Lead mergeFlagged(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return leads.mergeFlagged(Viewers.require(), id, body == null ? null : body.get("reason"));
    }

    @PostMapping("/{id}/keep-separate")
    @Operation(summary = "A lead flagged as a possible duplicate was reviewed and is a lead of its own")
    Lead keepSeparate(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return leads.keepAsSeparate(Viewers.require(), id, body == null ? null : body.get("reason"));
    }
}
