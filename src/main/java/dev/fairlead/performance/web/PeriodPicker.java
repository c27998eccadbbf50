package dev.fairlead.performance.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.performance.SchemeService;
import dev.fairlead.performance.ScorecardService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The period a points or leaderboard page shows (week, month, quarter) and what the picker offers, as the scorecard pages do. */
@Component
class PeriodPicker {

    private final ScorecardService scorecards;
    private final FormErrors formErrors;

    PeriodPicker(ScorecardService scorecards, FormErrors formErrors) {
        this.scorecards = scorecards;
        this.formErrors = formErrors;
    }

    Period pick(String period, PeriodKind kind, Model model) {
        Period p;
        try {
            p = scorecards.period(period, kind);
        } catch (InvalidInputException e) {
            p = scorecards.period(null, null);
            model.addAttribute("errors", formErrors.of(e));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("period", p);
        List<Period> recent = new ArrayList<>();
        Period cursor = p.isWhole() ? p : Period.of(p.kind(), p.start());
        for (int i = 0; i < 6; i++) {
            recent.add(cursor);
            cursor = cursor.previous();
        }
        model.addAttribute("periods", recent);
        model.addAttribute("kinds", SchemeService.KINDS.stream().sorted(Comparator.reverseOrder()).toList());
        return p;
    }
}
