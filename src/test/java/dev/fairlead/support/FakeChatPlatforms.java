package dev.fairlead.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local HTTP server that plays DingTalk's custom robots, WeCom's group robots and Feishu's custom
 * bots at their real paths: it checks each platform's signature with its own implementation of the
 * documented check (and the timestamp within an hour of the test clock), answers as the platforms
 * do — including their error codes for a bad signature (DingTalk 310000, Feishu 19021) and rate
 * limits (DingTalk 130101, WeCom 45009, Feishu 9499) — and records every message it accepted.
 * A test can script the next answers for one robot: {@code OK} (answer as usual), {@code RATE_LIMIT}, {@code HTTP_500},
 * {@code REDIRECT}, {@code SLOW} (longer than the client's timeout).
 */
public final class FakeChatPlatforms implements AutoCloseable {

    /** A message a robot accepted: the platform, the robot's token and the JSON body. */
    public record Received(String platform, String token, String body) {}

    private static final Pattern FEISHU_PATH = Pattern.compile("/open-apis/bot/v2/hook/([A-Za-z0-9_-]+)");

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Clock clock = Clock.systemUTC();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Deque<String>> scripts = new ConcurrentHashMap<>();
    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final List<String> refused = new CopyOnWriteArrayList<>();

    public FakeChatPlatforms() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/robot/send", this::dingTalk);
        server.createContext("/cgi-bin/webhook/send", this::weCom);
        server.createContext("/open-apis/bot/v2/hook/", this::feishu);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Signature timestamps must lie within an hour of this clock's time (the test's clock). */
    public void clock(Clock clock) {
        this.clock = clock;
    }

    /** The robot with this token checks signatures with this secret (null: it is not signed). */
    public void robot(String token, String secret) {
        if (secret == null) {
            secrets.remove(token);
        } else {
            secrets.put(token, secret);
        }
    }

    public void script(String token, String... answers) {
        scripts.computeIfAbsent(token, t -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    public List<Received> to(String token) {
        return received.stream().filter(r -> r.token().equals(token)).toList();
    }

    private void dingTalk(HttpExchange ex) throws IOException {
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        String token = query.getOrDefault("access_token", "");
        String body = read(ex);
        if (scripted(ex, token, "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}")) {
            return;
        }
        String secret = secrets.get(token);
        if (secret != null) {
            String timestamp = query.get("timestamp");
            String sign = query.get("sign");
            boolean ok = timestamp != null && sign != null && recent(Instant.ofEpochMilli(Long.parseLong(timestamp)))
                    && equal(URLDecoder.decode(sign, StandardCharsets.UTF_8),
                            base64(hmac(secret.getBytes(StandardCharsets.UTF_8), (timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8))));
            if (!ok) {
                refused.add("dingtalk " + token);
                answer(ex, 200, "{\"errcode\":310000,\"errmsg\":\"sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]\"}");
                return;
            }
        }
        received.add(new Received("dingtalk", token, body));
        answer(ex, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private void weCom(HttpExchange ex) throws IOException {
        String token = query(ex.getRequestURI().getRawQuery()).getOrDefault("key", "");
        String body = read(ex);
        if (scripted(ex, token, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit, hint: [1700000000_1_x]\"}")) {
            return;
        }
        received.add(new Received("wecom", token, body));
        answer(ex, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private void feishu(HttpExchange ex) throws IOException {
        Matcher m = FEISHU_PATH.matcher(ex.getRequestURI().getRawPath());
        String token = m.matches() ? m.group(1) : "";
        String body = read(ex);
        if (scripted(ex, token, "{\"code\":9499,\"msg\":\"Too Many Request\",\"data\":{}}")) {
            return;
        }
        String secret = secrets.get(token);
        if (secret != null) {
            JsonNode node = json.readTree(body);
            String timestamp = node.path("timestamp").asString("");
            String sign = node.path("sign").asString("");
            boolean ok = !timestamp.isEmpty() && recent(Instant.ofEpochSecond(Long.parseLong(timestamp)))
                    && equal(sign, base64(hmac((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0])));
            if (!ok) {
                refused.add("feishu " + token);
                answer(ex, 200, "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\",\"data\":{}}");
                return;
            }
        }
        received.add(new Received("feishu", token, body));
        answer(ex, 200, "{\"StatusCode\":0,\"StatusMessage\":\"success\",\"code\":0,\"data\":{},\"msg\":\"success\"}");
    }

    private boolean scripted(HttpExchange ex, String token, String rateLimited) throws IOException {
        Deque<String> script = scripts.get(token);
        String next = script == null ? null : script.poll();
        if (next == null || next.equals("OK")) {
            return false;
        }
        switch (next) {
            case "RATE_LIMIT" -> answer(ex, 200, rateLimited);
            case "HTTP_500" -> answer(ex, 500, "<html>502 Bad Gateway</html>");
            case "REDIRECT" -> {
                ex.getResponseHeaders().add("Location", base() + "/elsewhere");
                answer(ex, 302, "");
            }
            case "SLOW" -> {
                sleep(Duration.ofSeconds(3));
                answer(ex, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
            }
            default -> throw new IllegalArgumentException(next);
        }
        return true;
    }

    private boolean recent(Instant timestamp) {
        return Duration.between(timestamp, clock.instant()).abs().compareTo(Duration.ofHours(1)) <= 0;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return params;
    }

    private static String read(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
