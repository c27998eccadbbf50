package dev.fairlead.credit.web;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.credit.BulkConfirmation;
import dev.fairlead.credit.CreditConfirmations;
import dev.fairlead.credit.CreditEntry;
import dev.fairlead.credit.CreditSubmissions;
import dev.fairlead.credit.domain.CreditState;
import dev.fairlead.credit.domain.SplitPolicy;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealService;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The split editor on the deal page (a panel loaded with htmx once the deal is won) and the queue
 * page: the rep's results, the manager's submissions to approve, finance's results to confirm (with
 * bulk confirm). A refused step shows its reason and keeps what was typed.
 */
@Controller
class CreditPageController {

    private final CreditSubmissions submissions;
    private final CreditConfirmations confirmations;
    private final DealService deals;
    private final RepService reps;
    private final FormErrors formErrors;

    CreditPageController(CreditSubmissions submissions, CreditConfirmations confirmations, DealService deals, RepService reps,
            FormErrors formErrors) {
        this.submissions = submissions;
        this.confirmations = confirmations;
        this.deals = deals;
        this.reps = reps;
        this.formErrors = formErrors;
    }

    @GetMapping("/credit/deals/{id}/panel")
    String panel(@PathVariable long id, Model model) {
        return panel(id, model, null, Map.of(), null);
    }

    @PostMapping("/credit/deals/{id}/panel")
    String submit(@PathVariable long id, @ModelAttribute("form") CreditForm form, Model model) {
        Viewer viewer = Viewers.require();
        CreditForm.Parsed parsed = form.parse();
        try {
            if (!parsed.problems().isEmpty()) {
                throw new InvalidInputException(parsed.problems().entrySet().stream()
                        .map(p -> FieldProblem.of(p.getKey(), p.getValue())).toList());
            }
            Optional<CreditEntry> editable = editable(submissions.ofDeal(viewer, id));
            if (editable.isPresent()) {
                submissions.resubmit(viewer, editable.get().id(), parsed.command());
            } else {
                submissions.submit(viewer, id, parsed.command());
            }
        } catch (InvalidInputException e) {
            return panel(id, model, form, formErrors.of(e), null);
        } catch (ConflictException e) {
            return panel(id, model, form, Map.of(), e.getMessage());
        }
        return panel(id, model, null, Map.of(), "credit.submitted");
    }

    @PostMapping("/credit/deals/{id}/entries/{entryId}/reverse")
    String reverse(@PathVariable long id, @PathVariable long entryId, @RequestParam(required = false) String reason, Model model) {
        try {
            confirmations.reverse(Viewers.require(), entryId, reason);
        } catch (InvalidInputException e) {
            model.addAttribute("reverseReason", reason);
            return panel(id, model, null, formErrors.of(e), null);
        } catch (ConflictException e) {
            return panel(id, model, null, Map.of(), e.getMessage());
        }
        return panel(id, model, null, Map.of(), "credit.reversed");
    }

    @GetMapping("/credit/queue")
    String queue(Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("mine", viewer.repId() == null ? List.of() : submissions.mine(viewer));
        model.addAttribute("approver", approver(viewer));
        model.addAttribute("finance", viewer.role() == Role.FINANCE);
        model.addAttribute("exports", viewer.role() == Role.FINANCE || viewer.role() == Role.DIRECTOR || viewer.role() == Role.ADMIN);
        model.addAttribute("toApprove", approver(viewer) ? confirmations.toApprove(viewer) : List.of());
        model.addAttribute("toConfirm", viewer.role() == Role.FINANCE ? confirmations.toConfirm(viewer) : List.of());
        model.addAttribute("hasRep", viewer.repId() != null);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "credit/queue";
    }

    @PostMapping("/credit/entries/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect, Model model) {
        return step(() -> confirmations.approve(Viewers.require(), id), "credit.done.approved", id, null, redirect, model);
    }

    @PostMapping("/credit/entries/{id}/return")
    String sendBack(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect, Model model) {
        return step(() -> confirmations.sendBack(Viewers.require(), id, reason), "credit.done.returned", id, reason, redirect, model);
    }

    @PostMapping("/credit/entries/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect, Model model) {
        return step(() -> confirmations.reject(Viewers.require(), id, reason), "credit.done.rejected", id, reason, redirect, model);
    }

    @PostMapping("/credit/entries/confirm")
    String confirmAll(@RequestParam(name = "ids", required = false) List<Long> ids, RedirectAttributes redirect, Model model) {
        try {
            BulkConfirmation result = confirmations.confirmAll(Viewers.require(), ids);
            redirect.addFlashAttribute("bulk", new BulkConfirmation(new java.util.ArrayList<>(result.confirmed()), new java.util.ArrayList<>(result.refused())));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e));
            return queue(model);
        }
        return "redirect:/credit/queue";
    }

    private String step(Runnable action, String done, long id, String reason, RedirectAttributes redirect, Model model) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("failedId", id);
            model.addAttribute("failedReason", reason);
            return queue(model);
        } catch (ConflictException e) {
            model.addAttribute("conflict", e.getMessage());
            return queue(model);
        }
        redirect.addFlashAttribute("done", done);
        redirect.addFlashAttribute("doneId", id);
        return "redirect:/credit/queue";
    }

    private String panel(long dealId, Model model, CreditForm form, Map<String, String> errors, String message) {
        Viewer viewer = Viewers.require();
        Deal deal = deals.get(viewer, dealId);
        List<CreditEntry> entries = submissions.ofDeal(viewer, dealId);
        Optional<CreditEntry> editable = editable(entries);
        boolean live = entries.stream().anyMatch(e -> e.kind() == CreditEntry.Kind.RESULT && e.state() != CreditState.REVERSED);
        boolean owner = viewer.repId() != null && viewer.repId() == deal.ownerRepId();
        model.addAttribute("deal", deal);
        model.addAttribute("entries", entries);
        model.addAttribute("canEdit", deal.won() && owner && (editable.isPresent() || !live));
        model.addAttribute("form", form != null ? form : formFor(deal, editable.orElse(null)));
        model.addAttribute("policies", SplitPolicy.values());
        model.addAttribute("reps", deal.won() && owner ? reps.list(Viewer.system(), new RepQuery(null, null, null, true)) : List.<Rep>of());
        model.addAttribute("finance", viewer.role() == Role.FINANCE);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        if (!model.containsAttribute("reverseReason")) {
            model.addAttribute("reverseReason", "");
        }
        return "credit/panel :: panel";
    }

    /** The result the owner may still change: submitted, returned or rejected. */
    private static Optional<CreditEntry> editable(List<CreditEntry> entries) {
        return entries.stream().filter(e -> e.kind() == CreditEntry.Kind.RESULT && (e.state() == CreditState.SUBMITTED
                || e.state() == CreditState.RETURNED || e.state() == CreditState.REJECTED)).findFirst();
    }

    private static CreditForm formFor(Deal deal, CreditEntry entry) {
        CreditForm form = new CreditForm();
        if (entry == null) {
            form.setAmount(deal.amount().amount().toPlainString());
            form.setWonOn(deal.wonOn() == null ? "" : deal.wonOn().toString());
            return form;
        }
        form.setPolicy(entry.policy().name());
        form.setAmount(entry.amount().amount().toPlainString());
        form.setWonOn(entry.wonOn().toString());
        form.setEvidence(entry.evidence());
        entry.shares().stream().filter(s -> s.repId() != entry.ownerRepId()).findFirst()
                .ifPresent(s -> form.setHelperRepId(String.valueOf(s.repId())));
        form.setRepIds(entry.shares().stream().map(s -> String.valueOf(s.repId())).toList());
        form.setPercents(entry.shares().stream().map(s -> s.percent().stripTrailingZeros().toPlainString()).toList());
        return form;
    }

    private static boolean approver(Viewer viewer) {
        return viewer.role() == Role.MANAGER || viewer.role() == Role.DIRECTOR || viewer.role() == Role.ADMIN;
    }
}
