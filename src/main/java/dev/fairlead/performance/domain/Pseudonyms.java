package dev.fairlead.performance.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonyms and numbers (化名/编号) on a leaderboard: an HMAC-SHA256 of (board, period, participant)
 * under the board's secret salt, so they are the same all period long on that board, change with the
 * period and the board, and cannot be worked out from an id without the salt. A pseudonym is an
 * adjective and an animal (indices into word lists the reader's language supplies), a number four
 * digits 1000–9999; {@link #key} orders ties without revealing anything.
 */
public final class Pseudonyms {

    /** How many adjectives and animals the word lists have. */
    public static final int WORDS = 16;

    private final byte[] salt;

    public Pseudonyms(String salt) {
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
    }

    /** A pseudonym: which adjective and which animal. */
    public record Pseudonym(int adjective, int animal) {}

    public Pseudonym pseudonym(String board, String period, long participant) {
        byte[] h = mac(board, period, participant);
        return new Pseudonym(Byte.toUnsignedInt(h[0]) % WORDS, Byte.toUnsignedInt(h[1]) % WORDS);
    }

    public int number(String board, String period, long participant) {
        byte[] h = mac(board, period, participant);
        int v = ((h[2] & 0xff) << 16) | ((h[3] & 0xff) << 8) | (h[4] & 0xff);
        return 1000 + v % 9000;
    }

    /** A hex key of the same HMAC, to order ties. */
    public String key(String board, String period, long participant) {
        byte[] h = mac(board, period, participant);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            sb.append(String.format(Locale.ROOT, "%02x", h[i]));
        }
        return sb.toString();
    }

    private byte[] mac(String board, String period, long participant) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return mac.doFinal((board + "|" + period + "|" + participant).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
