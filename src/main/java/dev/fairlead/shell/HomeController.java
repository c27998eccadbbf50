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

    /**
     * A rep's home is her own day, a manager's their teams' day: the cards the modules contribute
     * for the role. Directors, admins and finance also get the organisation overview below them.
     */
    @GetMapping("/")
    String home(Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("panels", panels.stream().filter(p -> p.visibleTo(viewer.role())).toList());
        model.addAttribute("headingKey", viewer.isRep() ? "home.myDay" : "home.teamDay");
        boolean overview = viewer.role().seesEverything();
        model.addAttribute("showOverview", overview);
        if (overview) {
            OrgOverview org = OrgOverview.of(teams.list(viewer, false), reps.list(viewer, RepQuery.all()), LocalDate.now(clock));
            model.addAttribute("overview", org);
            model.addAttribute("tierChart", org.repsByTier().entrySet().stream()
                    .map(e -> Map.of("name", messages.getMessage("tier." + e.getKey().name(), null, LocaleContextHolder.getLocale()),
                            "value", e.getValue()))
                    .toList());
        }
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
