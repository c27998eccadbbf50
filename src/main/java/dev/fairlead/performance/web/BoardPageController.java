package dev.fairlead.performance.web;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.performance.BoardCommand;
import dev.fairlead.performance.BoardKind;
import dev.fairlead.performance.BoardMeasure;
import dev.fairlead.performance.BoardStanding;
import dev.fairlead.performance.BoardVisibility;
import dev.fairlead.performance.DisplayMode;
import dev.fairlead.performance.Leaderboard;
import dev.fairlead.performance.LeaderboardService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The leaderboards a reader may see (directors and admins configure them here) and the big screen (大屏) for the office TV. */
@Controller
class BoardPageController {

    private final LeaderboardService boards;
    private final PeriodPicker picker;
    private final FormErrors formErrors;
    private final java.time.Duration screenRefresh;

    BoardPageController(LeaderboardService boards, PeriodPicker picker, FormErrors formErrors,
            @org.springframework.beans.factory.annotation.Value("${fairlead.performance.screen-refresh:PT30S}") java.time.Duration screenRefresh) {
        this.boards = boards;
        this.picker = picker;
        this.formErrors = formErrors;
        this.screenRefresh = screenRefresh;
    }

    @GetMapping("/performance/boards")
    String boards(@RequestParam(required = false) String period, @RequestParam(required = false) PeriodKind kind, Model model, Locale locale) {
        Viewer viewer = Viewers.require();
        Period p = picker.pick(period, kind, model);
        List<Leaderboard> configs = boards.list(viewer);
        Map<BoardKind, BoardStanding> standings = new LinkedHashMap<>();
        for (Leaderboard b : configs) {
            if (b.enabled()) {
                standings.put(b.kind(), boards.standing(viewer, b.kind(), p, locale));
            }
        }
        model.addAttribute("configs", configs);
        model.addAttribute("standings", standings);
        model.addAttribute("canConfigure", viewer.role().setsCompanyRules());
        model.addAttribute("modes", DisplayMode.values());
        model.addAttribute("visibilities", BoardVisibility.values());
        model.addAttribute("measures", BoardMeasure.values());
        return "performance/boards";
    }

    @PostMapping("/performance/boards/{kind}")
    String configure(@PathVariable BoardKind kind, @RequestParam(required = false) DisplayMode displayMode,
            @RequestParam(required = false) BoardVisibility visibility, @RequestParam(required = false) BoardMeasure measure,
            @RequestParam(required = false) Boolean enabled, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        try {
            boards.configure(Viewers.require(), kind, new BoardCommand(displayMode, visibility, measure, enabled != null && enabled, version));
            redirect.addFlashAttribute("saved", kind);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", Map.of("version", e.getMessage()));
        }
        return "redirect:/performance/boards";
    }

    @GetMapping("/performance/boards/screen")
    String screen(@RequestParam(required = false) PeriodKind kind, Model model, Locale locale) {
        Period p = picker.pick(null, kind, model);
        List<BoardStanding> shown = new ArrayList<>(boards.screen(Viewers.require(), p, locale));
        model.addAttribute("standings", shown);
        model.addAttribute("kind", p.kind());
        model.addAttribute("refreshMillis", Math.max(1000, screenRefresh.toMillis()));
        return "performance/screen";
    }
}
