package dev.fairlead.intake;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.intake.persistence.WebhookSourceRepository;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Leads posted by web forms and ad platforms to {@code /api/intake/webhook/{source}}. The sender signs
 * {@code timestamp + "." + body} with HMAC-SHA256 and the source's secret and sends
 * {@code X-Fairlead-Timestamp} (Unix seconds) and {@code X-Fairlead-Signature: sha256=<hex>}. A wrong
 * signature, an unknown or inactive source, or a timestamp more than the tolerance away from now is
 * rejected. The signature doubles as the idempotency key: a replayed delivery returns the first response.
 */
@Service
public class WebhookIntake {

    public static final String TIMESTAMP = "X-Fairlead-Timestamp";
    public static final String SIGNATURE = "X-Fairlead-Signature";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    /** A new or rotated source with its secret, shown once. */
    public record IssuedSecret(WebhookSource source, String secret) {}

    private final WebhookProperties properties;
    private final WebhookSourceRepository sources;
    private final LeadIntake intake;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookIntake(WebhookProperties properties, WebhookSourceRepository sources, LeadIntake intake, AuditTrail audit,
            JsonMapper json, Clock clock) {
        this.properties = properties;
        this.sources = sources;
        this.intake = intake;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** Verifies the delivery and takes its lead; the body is a lead as in {@code POST /api/leads}, {@code source} optional. */
    public IntakeResponse receive(String sourceName, String timestamp, String signature, byte[] body) {
        Secret secret = secret(sourceName).orElseThrow(() -> new WebhookRejected("Unknown or inactive webhook source"));
        verify(secret.value(), timestamp, signature, body);
        LeadCommand command = read(body, secret.leadSource());
        String key = signature.trim().toLowerCase();
        return intake.submitOne(Viewer.system(), "webhook:" + sourceName, key, "webhook:" + sourceName, command, null);
    }

    void verify(String secret, String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            throw new WebhookRejected("Missing " + TIMESTAMP + " or " + SIGNATURE);
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new WebhookRejected("Bad timestamp");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(properties.tolerance()) > 0) {
            throw new WebhookRejected("Timestamp outside the allowed window");
        }
        byte[] expected = sign(secret, timestamp.trim(), body);
        String given = signature.trim();
        if (given.startsWith("sha256=")) {
            given = given.substring("sha256=".length());
        }
        byte[] actual;
        try {
            actual = HexFormat.of().parseHex(given.toLowerCase());
        } catch (IllegalArgumentException e) {
            throw new WebhookRejected("Bad signature");
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new WebhookRejected("Bad signature");
        }
    }

    /** The signature a sender computes: HMAC-SHA256 over {@code timestamp + "." + body}. */
    public static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private LeadCommand read(byte[] body, LeadSource defaultSource) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (RuntimeException e) {
            throw InvalidInputException.of("body", "validation.body");
        }
        if (!(node instanceof ObjectNode object)) {
            throw InvalidInputException.of("body", "validation.body");
        }
        if (!object.hasNonNull("source")) {
            object.put("source", defaultSource.name());
        }
        try {
            return json.treeToValue(object, LeadCommand.class);
        } catch (RuntimeException e) {
            throw InvalidInputException.of("body", "validation.body");
        }
    }

    private record Secret(String value, LeadSource leadSource) {}

    private Optional<Secret> secret(String name) {
        WebhookProperties.Source configured = properties.sources().get(name);
        if (configured != null && configured.secret() != null && !configured.secret().isBlank()) {
            return Optional.of(new Secret(configured.secret(),
                    configured.leadSource() == null ? LeadSource.WEB_FORM : configured.leadSource()));
        }
        return sources.find(name).filter(s -> s.source().active()).map(s -> new Secret(s.secret(), s.source().leadSource()));
    }

    @Transactional(readOnly = true)
    public List<WebhookSource> list(Viewer viewer) {
        requireAdmin(viewer);
        List<WebhookSource> all = new ArrayList<>();
        properties.sources().forEach((name, s) -> all.add(new WebhookSource(null, name,
                s.leadSource() == null ? LeadSource.WEB_FORM : s.leadSource(), true, true, null, "configuration", null)));
        sources.list().stream().filter(s -> !properties.sources().containsKey(s.name())).forEach(all::add);
        return all;
    }

    @Transactional
    public IssuedSecret create(Viewer viewer, String name, LeadSource leadSource) {
        requireAdmin(viewer);
        String n = name == null ? "" : name.trim().toLowerCase();
        if (!NAME.matcher(n).matches()) {
            throw InvalidInputException.of("name", "intake.webhook.name");
        }
        if (properties.sources().containsKey(n) || sources.find(n).isPresent()) {
            throw InvalidInputException.of("name", "intake.webhook.taken");
        }
        String secret = newSecret();
        LeadSource source = leadSource == null ? LeadSource.WEB_FORM : leadSource;
        long id = sources.insert(n, secret, source, Viewers.actorName(), clock.instant());
        WebhookSource created = sources.find(id).orElseThrow();
        audit.record(Change.created("webhook_source", id, null, null, created));
        return new IssuedSecret(created, secret);
    }

    @Transactional
    public IssuedSecret rotate(Viewer viewer, long id) {
        requireAdmin(viewer);
        WebhookSource source = sources.find(id).orElseThrow(() -> new dev.fairlead.common.NotFoundException("webhook source", id));
        String secret = newSecret();
        sources.rotate(id, secret, clock.instant());
        audit.record(new Change("ROTATE_SECRET", "webhook_source", String.valueOf(id), null, null, null,
                Map.of("name", source.name()), null));
        return new IssuedSecret(sources.find(id).orElseThrow(), secret);
    }

    @Transactional
    public WebhookSource setActive(Viewer viewer, long id, boolean active) {
        requireAdmin(viewer);
        WebhookSource source = sources.find(id).orElseThrow(() -> new dev.fairlead.common.NotFoundException("webhook source", id));
        if (source.active() == active) {
            return source;
        }
        sources.setActive(id, active);
        WebhookSource after = sources.find(id).orElseThrow();
        audit.record(Change.updated("webhook_source", id, null, null, source, after));
        return after;
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new ForbiddenException("Only admins manage webhook sources");
        }
    }
}
