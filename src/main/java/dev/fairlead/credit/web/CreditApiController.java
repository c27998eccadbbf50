package dev.fairlead.credit.web;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.fairlead.common.Viewers;
import dev.fairlead.credit.BulkConfirmation;
import dev.fairlead.credit.CreditCommand;
import dev.fairlead.credit.CreditConfirmations;
import dev.fairlead.credit.CreditEntry;
import dev.fairlead.credit.CreditSubmissions;
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
@RequestMapping("/api/credit")
@Tag(name = "Credit", description = "Credit split of won deals and its confirmation: owner submits, manager approves, finance confirms")
class CreditApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // why a result is returned, rejected or reversed; kept on the result and in the audit trail.
    @Schema(name = "CreditReason")
    record Reason(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {}

    // the results to confirm at once.
    @Schema(name = "CreditSelection")
    record Selection(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Long> ids) {}

    private final CreditSubmissions submissions;
    private final CreditConfirmations confirmations;
    private final MessageSource messages;

    CreditApiController(CreditSubmissions submissions, CreditConfirmations confirmations, MessageSource messages) {
        this.submissions = submissions;
        this.confirmations = confirmations;
        this.messages = messages;
    }

    @GetMapping("/deals/{dealId}/entries")
    @Operation(summary = "The deal's results and reversals with their splits, oldest first")
    List<CreditEntry> ofDeal(@PathVariable long dealId) {
        return submissions.ofDeal(Viewers.require(), dealId);
    }

    @PostMapping("/deals/{dealId}/entries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The owner submits the won deal's result: split by policy (OWNER, CROSS_REGION, HELPER_FIXED) or MANUAL shares")
    CreditEntry submit(@PathVariable long dealId, @RequestBody CreditCommand cmd) {
        return submissions.submit(Viewers.require(), dealId, cmd);
    }

    @GetMapping("/entries/{id}")
    CreditEntry get(@PathVariable long id) {
        return submissions.get(Viewers.require(), id);
    }

    @PutMapping("/entries/{id}")
    @Operation(summary = "The owner corrects a submitted, returned or rejected result and submits it again")
    CreditEntry resubmit(@PathVariable long id, @RequestBody CreditCommand cmd) {
        return submissions.resubmit(Viewers.require(), id, cmd);
    }

    @PostMapping("/entries/{id}/approve")
    @Operation(summary = "The owner team's manager approves a submission (it goes to finance)")
    CreditEntry approve(@PathVariable long id) {
        return confirmations.approve(Viewers.require(), id);
    }

    @PostMapping("/entries/{id}/return")
    @Operation(summary = "The manager returns a submission to its owner with a reason")
    CreditEntry sendBack(@PathVariable long id, @RequestBody Reason body) {
        return confirmations.sendBack(Viewers.require(), id, body == null ? null : body.reason());
    }

    @PostMapping("/entries/{id}/confirm")
    @Operation(summary = "Finance confirms an approved result: from now on its shares count as revenue")
    CreditEntry confirm(@PathVariable long id) {
        return confirmations.confirm(Viewers.require(), id);
    }

    @PostMapping("/entries/{id}/reject")
    @Operation(summary = "Finance rejects an approved result with a reason (back to its owner)")
    CreditEntry reject(@PathVariable long id, @RequestBody Reason body) {
        return confirmations.reject(Viewers.require(), id, body == null ? null : body.reason());
    }

    @PostMapping("/entries/{id}/reverse")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Finance reverses a confirmed result with a reason: a negative entry linked to it (the result is never edited)")
    CreditEntry reverse(@PathVariable long id, @RequestBody Reason body) {
        return confirmations.reverse(Viewers.require(), id, body == null ? null : body.reason());
    }

    @PostMapping("/entries/confirm")
    @Operation(summary = "Finance confirms many approved results; those that cannot be are listed with why")
    BulkConfirmation confirmAll(@RequestBody Selection body) {
        return confirmations.confirmAll(Viewers.require(), body == null ? null : body.ids());
    }

    @GetMapping("/queues/mine")
    @Operation(summary = "The caller's results (returned and rejected first) and those they have a share in")
    List<CreditEntry> mine() {
        return submissions.mine(Viewers.require());
    }

    @GetMapping("/queues/approval")
    @Operation(summary = "Submissions waiting for the manager: managers see their team and below")
    List<CreditEntry> toApprove() {
        return confirmations.toApprove(Viewers.require());
    }

    @GetMapping("/queues/finance")
    @Operation(summary = "Approved results waiting for finance")
    List<CreditEntry> toConfirm() {
        return confirmations.toConfirm(Viewers.require());
    }

    @GetMapping("/confirmed.xlsx")
    @Operation(summary = "Confirmed credit for payroll as XLSX: a row per rep's share, confirmed from..to (this month by default)")
    void confirmedXlsx(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        writeXlsx(confirmations.confirmed(Viewers.require(), from, to), messages, response);
    }

    static void writeXlsx(List<CreditEntry> entries, MessageSource messages, HttpServletResponse response) throws IOException {
        var locale = LocaleContextHolder.getLocale();
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"confirmed-credit.xlsx\"");
        CreditWorkbook.write(entries, key -> messages.getMessage(key, null, key, locale), response.getOutputStream());
    }
}
