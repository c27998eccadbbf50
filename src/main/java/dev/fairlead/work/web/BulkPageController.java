package dev.fairlead.work.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.work.BulkActions;
import dev.fairlead.work.BulkLeadAction;
import dev.fairlead.work.BulkLeadCommand;
import dev.fairlead.work.BulkOutcome;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bulk forms of the lead and task lists: act, then back to the list with "12 done, 2 skipped: why". */
@Controller
class BulkPageController {

    /** A task due on a day is due at the end of its working day. */
    private static final LocalTime DUE_AT = LocalTime.of(18, 0);

    private final BulkActions bulk;
    private final FormErrors formErrors;
    private final Clock clock;
    private final MessageSource messages;

    BulkPageController(BulkActions bulk, FormErrors formErrors, Clock clock, MessageSource messages) {
        this.messages = messages;
        this.bulk = bulk;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @PostMapping("/leads/bulk")
    String leads(@RequestParam(required = false) BulkLeadAction action, @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) Long repId, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
        BulkLeadCommand cmd = new BulkLeadCommand(action, ids, action == BulkLeadAction.ASSIGN ? repId : null, reason, title,
                dueOn == null ? null : dueOn.atTime(DUE_AT).atZone(clock.getZone()).toInstant());
        run(() -> bulk.onLeads(Viewers.require(), cmd), redirect);
        return "redirect:/leads" + (returnTo != null && returnTo.matches("[^\\s#]+") ? "?" + returnTo : "");
    }

    @PostMapping("/tasks/bulk")
    String tasks(@RequestParam(required = false) List<Long> ids, RedirectAttributes redirect) {
        run(() -> bulk.tasksDone(Viewers.require(), ids), redirect);
        return "redirect:/tasks?view=list";
    }

    private void run(Supplier<BulkOutcome> action, RedirectAttributes redirect) {
        try {
            BulkOutcome outcome = action.get();
            redirect.addFlashAttribute("bulkSummary", bulk.summary(outcome));
            redirect.addFlashAttribute("bulkSkipped", bulk.skippedLines(outcome));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("bulkSummary", formErrors.of(e).entrySet().stream()
                    .map(f -> messages.getMessage("bulk.field." + f.getKey(), null, f.getKey(), LocaleContextHolder.getLocale())
                            + ": " + f.getValue())
                    .collect(java.util.stream.Collectors.joining("; ")));
            redirect.addFlashAttribute("bulkSkipped", List.of());
            redirect.addFlashAttribute("bulkFailed", true);
        }
    }
}
