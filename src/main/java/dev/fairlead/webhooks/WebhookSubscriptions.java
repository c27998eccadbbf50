package dev.fairlead.webhooks;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.webhooks.persistence.WebhookRepository;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins subscribe integrators' URLs to events, read each subscription's delivery log and replay one
 * delivery. Every change is audited; the secret never is.
 */
@Service
public class WebhookSubscriptions {

    static final String SECRET_PREFIX = "whsec_";
    static final int LOG_SIZE = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository repository;
    private final WebhookTargets targets;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;

    WebhookSubscriptions(WebhookRepository repository, WebhookTargets targets, AuditTrail audit, Validator validator, Clock clock) {
        this.repository = repository;
        this.targets = targets;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<WebhookSubscription> list(Viewer viewer) {
        requireAdmin(viewer);
        return repository.findAll();
    }

    @Transactional(readOnly = true)
    public WebhookSubscription get(Viewer viewer, long id) {
        requireAdmin(viewer);
        return repository.find(id).orElseThrow(() -> new NotFoundException("webhook_subscription", id));
    }

    @Transactional
    public IssuedSubscription create(Viewer viewer, WebhookCommand cmd) {
        requireAdmin(viewer);
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if (problems.stream().noneMatch(p -> p.field().equals("url"))) {
            targets.refusal(cmd.url()).ifPresent(problems::add);
        }
        List<String> types = eventTypes(cmd.eventTypes(), problems);
        String secret = cmd.secret() == null || cmd.secret().isBlank() ? newSecret() : cmd.secret().trim();
        if (secret.length() < 16 || secret.length() > 200) {
            problems.add(FieldProblem.of("secret", "webhooks.secret.length", 16, 200));
        }
        String description = cmd.description() == null || cmd.description().isBlank() ? null : cmd.description().trim();
        Validation.throwIfAny(problems);
        long id = repository.insert(cmd.url().trim(), types, secret, description, viewer.userId(), clock.instant(), viewer.username());
        WebhookSubscription created = repository.find(id).orElseThrow();
        audit.record(Change.created("webhook_subscription", id, null, null, snapshot(created)));
        return new IssuedSubscription(created, secret);
    }

    @Transactional
    public void delete(Viewer viewer, long id) {
        WebhookSubscription before = get(viewer, id);
        repository.delete(id);
        audit.record(new Change("DELETE", "webhook_subscription", String.valueOf(id), null, null, snapshot(before), null, null));
    }

    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(Viewer viewer, long id) {
        get(viewer, id);
        return repository.deliveries(id, LOG_SIZE);
    }

    /** Sends the delivery's event again, as a new delivery (the same event id and payload) due now. */
    @Transactional
    public WebhookDelivery replay(Viewer viewer, long id, long deliveryId) {
        get(viewer, id);
        WebhookDelivery original = repository.delivery(id, deliveryId)
                .orElseThrow(() -> new NotFoundException("webhook_delivery", deliveryId));
        long replay = repository.replay(original.id(), clock.instant());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("delivery", replay);
        after.put("replayOf", original.id());
        after.put("eventId", original.eventId().toString());
        after.put("eventType", original.eventType());
        audit.record(new Change("REPLAY", "webhook_subscription", String.valueOf(id), null, null, null, after, null));
        return repository.delivery(id, replay).orElseThrow();
    }

    /** Known event types, in the order given, each once; a problem for an empty list or an unknown name. */
    private static List<String> eventTypes(List<String> given, List<FieldProblem> problems) {
        if (given == null || given.isEmpty()) {
            problems.add(FieldProblem.of("eventTypes", "webhooks.eventTypes.required"));
            return List.of();
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String type : given) {
            if (type == null || WebhookEventType.ofCode(type.trim()).isEmpty()) {
                problems.add(FieldProblem.of("eventTypes", "webhooks.eventTypes.unknown", String.valueOf(type)));
            } else {
                types.add(type.trim());
            }
        }
        return List.copyOf(types);
    }

    private static Map<String, Object> snapshot(WebhookSubscription s) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("url", s.url());
        snapshot.put("eventTypes", s.eventTypes());
        snapshot.put("description", s.description());
        snapshot.put("ownerName", s.ownerName());
        return snapshot;
    }

    private static String newSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new ForbiddenException("Only administrators manage webhooks");
        }
    }
}
