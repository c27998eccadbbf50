package dev.fairlead.chat.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The robots' signatures, exactly as the platforms document them. */
public final class Signatures {

    private Signatures() {}

    /**
     * DingTalk 加签: Base64 of HMAC-SHA256 over {@code timestamp + "\n" + secret} keyed with the secret,
     * URL-encoded, sent as the {@code sign} query parameter beside {@code timestamp} (milliseconds).
     */
    public static String dingTalk(String secret, long timestampMillis) {
        byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8),
                (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
    }

    /**
     * Feishu/Lark signature check: Base64 of HMAC-SHA256 keyed with {@code timestamp + "\n" + secret}
     * over empty data, sent as {@code sign} in the JSON body beside {@code timestamp} (seconds).
     */
    public static String feishu(String secret, long timestampSeconds) {
        byte[] mac = hmac((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
        return Base64.getEncoder().encodeToString(mac);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
