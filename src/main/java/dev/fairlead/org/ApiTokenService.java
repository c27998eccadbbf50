package dev.fairlead.org;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.persistence.TokenRepository;
import dev.fairlead.org.persistence.UserRepository;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the REST API, created and revoked by admins. A token carries 256 random bits,
 * so a plain SHA-256 of it is a safe stored form (unlike a password it cannot be guessed).
 */
@Service
public class ApiTokenService {

    static final String PREFIX = "flt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenRepository tokens;
    private final UserRepository users;
    private final AuditTrail audit;
    private final Validator validator;
    private final Clock clock;

    ApiTokenService(TokenRepository tokens, UserRepository users, AuditTrail audit, Validator validator, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list(Viewer viewer) {
        UserService.requireAdmin(viewer);
        return tokens.findAll();
    }

    @Transactional
    public IssuedToken issue(Viewer viewer, TokenCommand cmd) {
        UserService.requireAdmin(viewer);
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        if (cmd.userId() != null && users.find(cmd.userId()).isEmpty()) {
            problems.add(FieldProblem.of("userId", "token.user.unknown"));
        }
        if (cmd.expiresAt() != null && !cmd.expiresAt().isAfter(clock.instant())) {
            problems.add(FieldProblem.of("expiresAt", "token.expiry.past"));
        }
        Validation.throwIfAny(problems);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long id = tokens.insert(cmd.userId(), cmd.name(), hash(secret), secret.substring(0, 10), viewer.username(), cmd.expiresAt());
        ApiToken token = tokens.find(id).orElseThrow();
        audit.record(Change.created("api_token", id, null, null, token));
        return new IssuedToken(token, secret);
    }

    /**
     * A token for the viewer themselves (the HTTP Basic exchange): {@code cmd} may be left out, or
     * name the viewer as its user; it is named {@value #OWN_TOKEN_NAME} unless it says otherwise.
     */
    @Transactional
    public IssuedToken issueOwn(Viewer viewer, TokenCommand cmd) {
        UserService.requireAdmin(viewer);
        if (cmd != null && cmd.userId() != null && cmd.userId() != viewer.userId()) {
            throw InvalidInputException.of("userId", "token.user.notOwn");
        }
        String name = cmd == null || cmd.name() == null || cmd.name().isBlank() ? OWN_TOKEN_NAME : cmd.name();
        return issue(viewer, new TokenCommand(viewer.userId(), name, cmd == null ? null : cmd.expiresAt()));
    }

    static final String OWN_TOKEN_NAME = "HTTP Basic exchange";

    @Transactional
    public ApiToken revoke(Viewer viewer, long id) {
        UserService.requireAdmin(viewer);
        ApiToken before = tokens.find(id).orElseThrow(() -> new NotFoundException("api_token", id));
        tokens.revoke(id, clock.instant());
        ApiToken after = tokens.find(id).orElseThrow();
        audit.record(Change.updated("api_token", id, null, null, before, after).as("REVOKE"));
        return after;
    }

    /**
     * The enabled user behind an active token, for bearer authentication: the token and its user in
     * one statement; the token's last use is written at most once a minute: only when the value just read is older
     * than a minute (the write checks again, so concurrent requests store it once). No transaction.
     */
    public Optional<User> authenticatedUser(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<UserRepository.TokenUser> found = users.findByActiveToken(hash(secret), now);
        found.filter(t -> t.tokenLastUsedAt() == null || t.tokenLastUsedAt().isBefore(now.minus(TOUCH_INTERVAL)))
                .ifPresent(t -> tokens.touch(t.tokenId(), now));
        return found.map(UserRepository.TokenUser::user);
    }

    /** How often a token's last use is written at most (the same minute {@link TokenRepository#touch} checks). */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
