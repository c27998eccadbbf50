package dev.fairlead.org;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.persistence.RepRepository;
import dev.fairlead.org.persistence.TeamRepository;
import dev.fairlead.org.persistence.UserRepository;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Logins and their roles. Only admins manage users; everyone may read and set their own preferences. */
@Service
public class UserService {

    static final int MIN_PASSWORD_LENGTH = 10;

    private final UserRepository users;
    private final TeamRepository teams;
    private final RepRepository reps;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Validator validator;

    UserService(UserRepository users, TeamRepository teams, RepRepository reps, PasswordEncoder passwords,
            AuditTrail audit, Validator validator) {
        this.users = users;
        this.teams = teams;
        this.reps = reps;
        this.passwords = passwords;
        this.audit = audit;
        this.validator = validator;
    }

    @Transactional(readOnly = true)
    public List<User> list(Viewer viewer) {
        requireAdmin(viewer);
        return users.findAll();
    }

    @Transactional(readOnly = true)
    public User get(Viewer viewer, long id) {
        if (viewer.userId() != id) {
            requireAdmin(viewer);
        }
        return users.find(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    @Transactional
    public User create(Viewer viewer, UserCommand cmd) {
        requireAdmin(viewer);
        validate(cmd, null);
        long id = users.insert(cmd, passwords.encode(cmd.password()));
        User created = users.find(id).orElseThrow();
        audit.record(Change.created("user", id, created.teamId(), created.repId(), created));
        return created;
    }

    @Transactional
    public User update(Viewer viewer, long id, UserCommand cmd) {
        requireAdmin(viewer);
        User before = get(viewer, id);
        validate(cmd, id);
        boolean newPassword = cmd.password() != null && !cmd.password().isBlank();
        if (!users.update(id, cmd, newPassword ? passwords.encode(cmd.password()) : null)) {
            throw new ConflictException("stale", "User " + id + " was changed by someone else; reload and try again");
        }
        User after = users.find(id).orElseThrow();
        Change change = Change.updated("user", id, after.teamId(), after.repId(), before, after);
        audit.record(newPassword ? change.because("password reset") : change);
        return after;
    }

    @Transactional
    public User unlock(Viewer viewer, long id) {
        requireAdmin(viewer);
        User before = get(viewer, id);
        users.unlock(id);
        User after = users.find(id).orElseThrow();
        audit.record(Change.updated("user", id, after.teamId(), after.repId(), before, after).as("UNLOCK"));
        return after;
    }

    /** The language a user reads Fairlead in; remembered across devices. */
    @Transactional
    public void setLocale(Viewer viewer, String locale) {
        if (viewer.userId() > 0 && ("en".equals(locale) || "zh-CN".equals(locale))) {
            users.setLocale(viewer.userId(), locale);
        }
    }

    private void validate(UserCommand cmd, Long id) {
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if (id == null && (cmd.password() == null || cmd.password().isBlank())) {
            problems.add(FieldProblem.of("password", "validation.required"));
        }
        if (cmd.password() != null && !cmd.password().isBlank() && cmd.password().length() < MIN_PASSWORD_LENGTH) {
            problems.add(FieldProblem.of("password", "user.password.short", MIN_PASSWORD_LENGTH));
        }
        if (cmd.username() != null && users.usernameTaken(cmd.username().trim(), id)) {
            problems.add(FieldProblem.of("username", "user.username.taken"));
        }
        if (cmd.role() == Role.MANAGER && (cmd.teamId() == null || teams.find(cmd.teamId()).isEmpty())) {
            problems.add(FieldProblem.of("teamId", "user.manager.team"));
        }
        if (cmd.role() == Role.REP) {
            if (cmd.repId() == null || reps.find(cmd.repId()).isEmpty()) {
                problems.add(FieldProblem.of("repId", "user.rep.profile"));
            } else if (users.repLinkedToOtherUser(cmd.repId(), id)) {
                problems.add(FieldProblem.of("repId", "user.rep.taken"));
            }
        }
        Validation.throwIfAny(problems);
    }

    static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new ForbiddenException("Only administrators manage users and API tokens");
        }
    }
}
