package dev.fairlead.scoring.web;

import dev.fairlead.common.Viewers;
import dev.fairlead.leads.LeadPagePanel;
import dev.fairlead.scoring.ScoringService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The lead page's score section: score, grade, each criterion's contribution, and the predicted chance of winning. */
@Controller
class ScorePanelController {

    private final ScoringService scoring;

    ScorePanelController(ScoringService scoring) {
        this.scoring = scoring;
    }

    @GetMapping("/scoring/leads/{id}/panel")
    String panel(@PathVariable long id, Model model) {
        model.addAttribute("score", scoring.scoreOf(Viewers.require(), id).orElse(null));
        model.addAttribute("report", scoring.latestReport().orElse(null));
        return "scoring/panel :: panel";
    }

    @Configuration(proxyBeanMethods = false)
    static class Panels {

        @Bean
        LeadPagePanel leadScorePanel() {
            return new LeadPagePanel("lead-score-panel", "scoring.panel.title", "/scoring/leads/{id}/panel", 10, LeadPagePanel.Place.SIDE);
        }
    }
}
