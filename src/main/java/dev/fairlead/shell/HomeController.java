package dev.fairlead.shell;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.org.OrgOverview;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final TeamService teams;
    private final RepService reps;
    private final Clock clock;
    private final MessageSource messages;

    HomeController(TeamService teams, RepService reps, Clock clock, MessageSource messages) {
        this.teams = teams;
        this.reps = reps;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/")
    String home(Model model) {
        Viewer viewer = Viewers.require();
        OrgOverview overview = OrgOverview.of(teams.list(viewer, false), reps.list(viewer, RepQuery.all()),
                LocalDate.now(clock));
        model.addAttribute("overview", overview);
        model.addAttribute("tierChart", overview.repsByTier().entrySet().stream()
                .map(e -> Map.of("name", messages.getMessage("tier." + e.getKey().name(), null, LocaleContextHolder.getLocale()),
                        "value", e.getValue()))
                .toList());
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
