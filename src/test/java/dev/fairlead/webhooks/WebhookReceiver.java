package dev.fairlead.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An integrator's endpoint, as docs/api.md tells one to write it: it checks each delivery's
 * signature with its own HMAC-SHA256 (not Fairlead's code), refuses a bad one with 401, and keeps
 * each event once by its id however often it arrives. It answers with the statuses it is told to,
 * then 200.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String eventId, String deliveryId, String timestamp, String signature, String body, boolean signatureValid) {}

    private final HttpServer server;
    private final String secret;
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> events = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private volatile int otherwise = 200;

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks/fairlead", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var headers = exchange.getRequestHeaders();
            String timestamp = headers.getFirst("X-Fairlead-Timestamp");
            String signature = headers.getFirst("X-Fairlead-Signature");
            boolean valid = timestamp != null && signature != null && verify(timestamp, body, signature);
            String eventId = headers.getFirst("X-Fairlead-Event-Id");
            requests.add(new Received(eventId, headers.getFirst("X-Fairlead-Delivery-Id"), timestamp, signature, body, valid));
            Integer planned = answers.poll();
            int status = !valid ? 401 : planned != null ? planned : otherwise;
            if (status == 200) {
                synchronized (events) {
                    events.putIfAbsent(eventId, body);
                }
            }
            if (status >= 300 && status < 400) {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/fairlead";
    }

    /** The next answers, in order; after them {@link #answerOtherwise}. */
    WebhookReceiver answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    WebhookReceiver answerOtherwise(int status) {
        otherwise = status;
        return this;
    }

    List<Received> requests() {
        return List.copyOf(requests);
    }

    /** The events accepted, each once, by id, in the order they first arrived. */
    Map<String, String> events() {
        synchronized (events) {
            return new LinkedHashMap<>(events);
        }
    }

    List<String> eventIdsReceived() {
        List<String> ids = new ArrayList<>();
        requests.forEach(r -> ids.add(r.eventId()));
        return ids;
    }

    /** The check a receiver does: HMAC-SHA256 over timestamp + "." + body, compared in constant time. */
    private boolean verify(String timestamp, String body, String signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
