package dev.fairlead.insights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one-way token an anonymous answer carries instead of the rep (decision 0603):
 * HMAC-SHA256 over the cycle id and the rep id with a server secret that is never stored in the
 * database. The secret is {@code fairlead.insights.feedback-secret} (FAIRLEAD_FEEDBACK_SECRET, the same
 * on every node); without it, a random one is made once and kept in {@code feedback-secret-file}
 * (readable by the server's user only). Losing the secret only lets a rep answer an open cycle again.
 */
@Component
class FeedbackTokens {

    private static final Logger log = LoggerFactory.getLogger(FeedbackTokens.class);

    private final SecretKeySpec key;

    FeedbackTokens(@Value("${fairlead.insights.feedback-secret:}") String secret,
            @Value("${fairlead.insights.feedback-secret-file:data/feedback-secret}") String file) {
        byte[] bytes = secret.isBlank() ? fromFile(Path.of(file)) : secret.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    String token(long cycleId, long repId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(("fairness-feedback:" + cycleId + ":" + repId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                // written whole to a file of its own, then moved into place: a reader never sees half a secret
                Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), ".feedback-secret", ".tmp");
                Files.writeString(partial, HexFormat.of().formatHex(random));
                restrict(partial);
                try {
                    Files.move(partial, file);
                    log.info("Made the fairness feedback secret in {}; set FAIRLEAD_FEEDBACK_SECRET to share one between nodes", file);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(partial); // another context of this process made it first: read theirs
                }
            }
            return HexFormat.of().parseHex(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the fairness feedback secret " + file, e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.warn("Could not make {} readable by its owner only: {}", file, e.toString());
        }
    }
}
