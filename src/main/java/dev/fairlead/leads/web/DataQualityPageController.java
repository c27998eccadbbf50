package dev.fairlead.leads.web;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.leads.DataQualityService;
import dev.fairlead.leads.SetAsideResolution;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The data-quality review list, and the forms that correct or dismiss an item from it or from the lead page. */
@Controller
class DataQualityPageController {

    private final DataQualityService dataQuality;
    private final FormErrors formErrors;

    DataQualityPageController(DataQualityService dataQuality, FormErrors formErrors) {
        this.dataQuality = dataQuality;
        this.formErrors = formErrors;
    }

    @GetMapping("/leads/data-quality")
    String review(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("review", dataQuality.review(Viewers.require(), page, 50));
        model.addAttribute("page", Math.max(page, 0));
        return "leads/data-quality";
    }

    @PostMapping("/leads/data-quality/{itemId}")
    String resolve(@PathVariable long itemId, @RequestParam(required = false) SetAsideResolution.Action action,
            @RequestParam(required = false) String value, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long leadId, RedirectAttributes redirect) {
        try {
            dataQuality.resolve(Viewers.require(), itemId, new SetAsideResolution(action, value, reason));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errorItem", itemId);
            redirect.addFlashAttribute("itemErrors", formErrors.of(e));
            redirect.addFlashAttribute("triedValue", value);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorItem", itemId);
            redirect.addFlashAttribute("conflict", e.code());
        }
        return leadId == null ? "redirect:/leads/data-quality" : "redirect:/leads/" + leadId + "#lead-set-aside";
    }
}
