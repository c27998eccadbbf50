package dev.fairlead.org.web;

import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.common.web.FormErrors;
import dev.fairlead.org.ApiTokenService;
import dev.fairlead.org.IssuedToken;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.TeamService;
import dev.fairlead.org.TokenCommand;
import dev.fairlead.org.User;
import dev.fairlead.org.UserCommand;
import dev.fairlead.org.UserService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Users and API tokens, for administrators (the URL space /admin is admin-only in the security rules too). */
@Controller
class AdminPageController {

    /** The user form as the browser posts it. */
    public static class UserForm {
        private String username;
        private String displayName;
        private String email;
        private Role role = Role.REP;
        private Long teamId;
        private Long repId;
        private String locale = "zh-CN";
        private boolean enabled = true;
        private String password;
        private Integer version;

        static UserForm of(User u) {
            UserForm f = new UserForm();
            f.username = u.username();
            f.displayName = u.displayName();
            f.email = u.email();
            f.role = u.role();
            f.teamId = u.role() == Role.MANAGER ? u.teamId() : null;
            f.repId = u.repId();
            f.locale = u.locale();
            f.enabled = u.enabled();
            f.version = u.version();
            return f;
        }

        UserCommand command() {
            return new UserCommand(username, displayName, email, role, role == Role.MANAGER ? teamId : null,
                    role == Role.REP ? repId : null, locale, enabled, password, version);
        }

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public Role getRole() { return role; }
        public void setRole(Role role) { this.role = role; }
        public Long getTeamId() { return teamId; }
        public void setTeamId(Long teamId) { this.teamId = teamId; }
        public Long getRepId() { return repId; }
        public void setRepId(Long repId) { this.repId = repId; }
        public String getLocale() { return locale; }
        public void setLocale(String locale) { this.locale = locale; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public Integer getVersion() { return version; }
        public void setVersion(Integer version) { this.version = version; }
    }

    private final UserService users;
    private final ApiTokenService tokens;
    private final TeamService teams;
    private final RepService reps;
    private final FormErrors formErrors;
    private final Clock clock;

    AdminPageController(UserService users, ApiTokenService tokens, TeamService teams, RepService reps,
            FormErrors formErrors, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.teams = teams;
        this.reps = reps;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", users.list(Viewers.require()));
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        return userForm(model, new UserForm(), null, Map.of());
    }

    @GetMapping("/admin/users/{id}/edit")
    String editUser(@PathVariable long id, Model model) {
        return userForm(model, UserForm.of(users.get(Viewers.require(), id)), id, Map.of());
    }

    @PostMapping({"/admin/users", "/admin/users/{id}"})
    String saveUser(@PathVariable(required = false) Long id, @ModelAttribute("form") UserForm form, Model model,
            RedirectAttributes redirect) {
        Viewer viewer = Viewers.require();
        try {
            if (id == null) {
                users.create(viewer, form.command());
            } else {
                users.update(viewer, id, form.command());
            }
        } catch (InvalidInputException e) {
            return userForm(model, form, id, formErrors.of(e));
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        users.unlock(Viewers.require(), id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/tokens")
    String tokens(Model model) {
        Viewer viewer = Viewers.require();
        model.addAttribute("tokens", tokens.list(viewer));
        model.addAttribute("users", users.list(viewer));
        model.addAttribute("now", clock.instant());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "admin/tokens";
    }

    @PostMapping("/admin/tokens")
    String issue(@RequestParam(required = false) Long userId, @RequestParam(required = false) String name,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
            RedirectAttributes redirect) {
        try {
            IssuedToken issued = tokens.issue(Viewers.require(), new TokenCommand(userId, name,
                    expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
            redirect.addFlashAttribute("issued", issued.secret());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", formErrors.of(e));
        }
        return "redirect:/admin/tokens";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(Viewers.require(), id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/tokens";
    }

    private String userForm(Model model, UserForm form, Long id, Map<String, String> errors) {
        Viewer viewer = Viewers.require();
        model.addAttribute("form", form);
        model.addAttribute("userId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        model.addAttribute("teams", teams.list(viewer, false));
        model.addAttribute("reps", reps.list(viewer, new RepQuery(null, null, null, true)));
        return "admin/user-form";
    }
}
