package dev.fairlead.shell;

import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.org.OrgOverview;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import dev.fairlead.common.web.HomePanel;
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
    private final List<HomePanel> panels;

    HomeController(TeamService teams, RepService reps, Clock clock, MessageSource messages, List<HomePanel> panels) {
        this.teams = teams;
        this.reps = reps;
        this.clock = clock;
        this.messages = messages;
        this.panels = panels.stream().sorted(Comparator.comparingInt(HomePanel::order)).toList();
    }

    @GetMapping("/")
    String home(Model model) {
        Viewer viewer = Viewers.require();
        OrgOverview overview = OrgOverview.of(teams.list(viewer, false), reps.list(viewer, RepQuery.all()),
                LocalDate.now(clock));
        model.addAttribute("overview", overview);
        model.addAttribute("panels", panels.stream().filter(p -> p.visibleTo(viewer.role())).toList());
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
