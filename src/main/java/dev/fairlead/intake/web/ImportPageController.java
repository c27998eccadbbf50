package dev.fairlead.intake.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.intake.ImportJob;
import dev.fairlead.intake.ImportRow;
import dev.fairlead.intake.ImportService;
import dev.fairlead.leads.DuplicatePolicy;
import dev.fairlead.leads.LeadField;
import dev.fairlead.leads.LeadSource;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Upload → map columns → watch progress (htmx polling) → result with the rejected rows to download. */
@Controller
class ImportPageController {

    private final ImportService imports;
    private final FormErrors formErrors;

    ImportPageController(ImportService imports, FormErrors formErrors) {
        this.imports = imports;
        this.formErrors = formErrors;
    }

    @GetMapping({"/imports", "/imports/new"})
    String list(Model model) {
        model.addAttribute("jobs", imports.list(Viewers.require()));
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "imports/list";
    }

    @PostMapping("/imports")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String charset, RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("errors", formErrors.of(InvalidInputException.of("file", "intake.import.empty")));
            return "redirect:/imports";
        }
        try (InputStream in = file.getInputStream()) {
            ImportJob job = imports.upload(Viewers.require(), file.getOriginalFilename(), in, charset);
            return "redirect:/imports/" + job.id() + "/mapping";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
            return "redirect:/imports";
        }
    }

    @GetMapping("/imports/{id}/mapping")
    String mapping(@PathVariable long id, Model model) {
        ImportJob job = imports.get(Viewers.require(), id);
        if (job.status() != ImportJob.Status.UPLOADED) {
            return "redirect:/imports/" + id;
        }
        model.addAttribute("job", job);
        model.addAttribute("proposed", imports.proposedMapping(job));
        model.addAttribute("fields", LeadField.values());
        model.addAttribute("policies", DuplicatePolicy.values());
        model.addAttribute("sources", LeadSource.values());
        model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
        return "imports/mapping";
    }

    @PostMapping("/imports/{id}/start")
    String start(@PathVariable long id, @RequestParam(required = false) DuplicatePolicy duplicates,
            @RequestParam(required = false) LeadSource defaultSource, HttpServletRequest request, RedirectAttributes redirect) {
        Viewer viewer = Viewers.require();
        Map<Integer, LeadField> mapping = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("column-") && values.length > 0 && !values[0].isBlank()) {
                mapping.put(Integer.parseInt(name.substring("column-".length())), LeadField.valueOf(values[0]));
            }
        });
        try {
            imports.start(viewer, id, mapping, duplicates, defaultSource);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
            return "redirect:/imports/" + id + "/mapping";
        }
        return "redirect:/imports/" + id;
    }

    @GetMapping("/imports/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) ImportRow.Outcome outcome, Model model) {
        Viewer viewer = Viewers.require();
        ImportJob job = imports.get(viewer, id);
        model.addAttribute("job", job);
        model.addAttribute("outcome", outcome);
        model.addAttribute("outcomes", ImportRow.Outcome.values());
        model.addAttribute("rows", job.finished() ? imports.rows(viewer, id, outcome, 0, 200) : java.util.List.of());
        return "imports/detail";
    }

    @GetMapping("/imports/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("job", imports.get(Viewers.require(), id));
        return "imports/detail :: progress";
    }
}
