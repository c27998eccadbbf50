package dev.fairlead.chat;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.chat.domain.Webhooks;
import dev.fairlead.chat.persistence.ChatChannelRepository;
import dev.fairlead.chat.persistence.ChatChannelRepository.Stored;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.notify.Deliveries;
import dev.fairlead.notify.DeliveryLog;
import dev.fairlead.notify.Notice;
import dev.fairlead.notify.Notifications;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamService;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A team's chat robots: added, changed and removed by admins, directors and the team's managers
 * (audited, secrets never shown back), tested with one message, and their delivery logs.
 */
@Service
public class ChatChannels {

    static final Set<String> LOCALES = Set.of("zh-CN", "en");
    private static final Pattern SECRET = Pattern.compile("\\S{1,200}");

    private final ChatChannelRepository robots;
    private final TeamService teams;
    private final Notifications notifications;
    private final Deliveries deliveries;
    private final RobotEndpoints endpoints;
    private final AuditTrail audit;
    private final Validator validator;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChatChannels(ChatChannelRepository robots, TeamService teams, Notifications notifications, Deliveries deliveries,
            RobotEndpoints endpoints, AuditTrail audit, Validator validator, TransactionTemplate transactions, Clock clock) {
        this.robots = robots;
        this.teams = teams;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.audit = audit;
        this.validator = validator;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ChatChannel> list(Viewer viewer, long teamId) {
        team(viewer, teamId);
        return robots.list(teamId).stream().map(ChatChannels::view).toList();
    }

    @Transactional(readOnly = true)
    public ChatChannel get(Viewer viewer, long teamId, long id) {
        return view(stored(viewer, teamId, id));
    }

    @Transactional
    public ChatChannel create(Viewer viewer, long teamId, ChatChannelCommand cmd) {
        team(viewer, teamId);
        Clean clean = validate(cmd, null);
        long id = robots.insert(teamId, cmd.platform(), clean.name(), clean.webhook(), clean.secret(), cmd.locale(), clean.events(),
                cmd.active() == null || cmd.active(), clock.instant());
        ChatChannel created = view(robots.find(id).orElseThrow());
        audit.record(Change.created("chat_channel", id, teamId, null, created));
        return created;
    }

    @Transactional
    public ChatChannel update(Viewer viewer, long teamId, long id, ChatChannelCommand cmd) {
        Stored before = stored(viewer, teamId, id);
        Clean clean = validate(cmd, before);
        if (cmd.version() != null && cmd.version() != before.version()) {
            throw stale(id);
        }
        boolean active = cmd.active() == null ? before.active() : cmd.active();
        if (!robots.update(id, before.version(), clean.name(), clean.webhook(), clean.secret(), cmd.locale(), clean.events(), active)) {
            throw stale(id);
        }
        ChatChannel after = view(robots.find(id).orElseThrow());
        audit.record(Change.updated("chat_channel", id, teamId, null, view(before), after));
        return after;
    }

    @Transactional
    public void delete(Viewer viewer, long teamId, long id) {
        Stored before = stored(viewer, teamId, id);
        robots.delete(id);
        audit.record(Change.updated("chat_channel", id, teamId, null, view(before), null).as("DELETE"));
    }

    /** Queues a test message to the robot and sends it at once; its log entry (sent, or failed with the platform's answer). */
    public DeliveryLog test(Viewer viewer, long teamId, long id) {
        Long deliveryId = transactions.execute(status -> {
            Stored robot = stored(viewer, teamId, id);
            Team team = teams.get(viewer, teamId);
            return notifications.toChannel(robot.platform().channel(), String.valueOf(robot.id()), Locale.forLanguageTag(robot.locale()),
                    Notice.of("chat.test", "/teams/" + teamId + "/chat", team.name(), viewer.username()), null);
        });
        Stored robot = robots.find(id).orElseThrow(() -> new NotFoundException("chat channel", id));
        return deliveries.deliverNow(deliveryId, robot.platform().channel(), String.valueOf(id))
                .orElseThrow(() -> new NotFoundException("delivery", deliveryId));
    }

    /** The robot's newest deliveries, each with its attempts. */
    @Transactional(readOnly = true)
    public List<DeliveryLog> deliveries(Viewer viewer, long teamId, long id, int limit) {
        Stored robot = stored(viewer, teamId, id);
        return deliveries.log(robot.platform().channel(), String.valueOf(id), Math.max(1, Math.min(limit, 200)));
    }

    private Team team(Viewer viewer, long teamId) {
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Role " + viewer.role() + " cannot manage chat robots");
        }
        return teams.get(viewer, teamId);
    }

    private Stored stored(Viewer viewer, long teamId, long id) {
        team(viewer, teamId);
        return robots.find(id).filter(r -> r.teamId() == teamId).orElseThrow(() -> new NotFoundException("chat channel", id));
    }

    private record Clean(String name, String webhook, String secret, Set<ChatEvent> events) {}

    private Clean validate(ChatChannelCommand cmd, Stored before) {
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        Validation.throwIfAny(problems);
        if (!LOCALES.contains(cmd.locale())) {
            problems.add(FieldProblem.of("locale", "chat.locale.unknown", cmd.locale()));
        }
        if (before != null && before.platform() != cmd.platform()) {
            problems.add(FieldProblem.of("platform", "chat.platform.fixed"));
        }
        String webhook = before == null ? null : before.webhook();
        if (cmd.webhook() != null || before == null) {
            webhook = Webhooks.canonical(cmd.platform(), cmd.webhook(), endpoints.bases(cmd.platform())).orElse(null);
            if (webhook == null) {
                problems.add(FieldProblem.of("webhook", "chat.webhook.invalid." + cmd.platform().name()));
            }
        }
        String secret = before == null ? null : before.secret();
        if (cmd.secret() != null) {
            secret = cmd.secret().isBlank() ? null : cmd.secret().strip();
        }
        if (secret != null && cmd.platform() == ChatPlatform.WECOM) {
            problems.add(FieldProblem.of("secret", "chat.secret.wecom"));
        } else if (secret != null && !SECRET.matcher(secret).matches()) {
            problems.add(FieldProblem.of("secret", "chat.secret.invalid"));
        }
        Set<ChatEvent> events = cmd.events() == null ? EnumSet.noneOf(ChatEvent.class)
                : cmd.events().stream().filter(e -> e != null).collect(() -> EnumSet.noneOf(ChatEvent.class), Set::add, Set::addAll);
        if (events.contains(ChatEvent.LEAD_ASSIGNED) && events.contains(ChatEvent.LEAD_ASSIGNED_A)) {
            problems.add(FieldProblem.of("events", "chat.events.oneLeadChoice"));
        }
        Validation.throwIfAny(problems);
        return new Clean(cmd.name().strip(), webhook, secret, events);
    }

    private static ConflictException stale(long id) {
        return new ConflictException("stale", "Chat robot " + id + " was changed by someone else; reload and try again");
    }

    static ChatChannel view(Stored s) {
        return new ChatChannel(s.id(), s.teamId(), s.platform(), s.name(), Webhooks.masked(s.platform(), s.webhook()),
                s.secret() != null, s.locale(), s.events(), s.active(), s.createdAt(), s.version());
    }
}
