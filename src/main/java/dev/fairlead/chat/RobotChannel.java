package dev.fairlead.chat;

import dev.fairlead.chat.domain.RobotMessages;
import dev.fairlead.chat.domain.Signatures;
import dev.fairlead.chat.domain.Webhooks;
import dev.fairlead.chat.persistence.ChatChannelRepository;
import dev.fairlead.notify.DeliveryDeferred;
import dev.fairlead.notify.DeliveryRefused;
import dev.fairlead.notify.Message;
import dev.fairlead.notify.NotificationChannel;
import dev.fairlead.notify.Recipient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One platform's group robots as a delivery channel: a delivery's address is the robot's id, read
 * when the message goes out (so a changed webhook or secret applies to what is still queued).
 * Signs as the platform documents, follows no redirect, gives up waiting after the configured
 * timeouts, and tells the delivery job "slow down" for the platform's rate-limit codes.
 */
class RobotChannel implements NotificationChannel {

    /** The platforms' rate-limit answers: DingTalk 130101 (over 20 a minute), WeCom 45009, Feishu 9499 and 11232. */
    static final Map<ChatPlatform, Set<Integer>> RATE_LIMITED = Map.of(
            ChatPlatform.DINGTALK, Set.of(130101),
            ChatPlatform.WECOM, Set.of(45009),
            ChatPlatform.FEISHU, Set.of(9499, 11232));

    private final ChatPlatform platform;
    private final ChatChannelRepository robots;
    private final RobotEndpoints endpoints;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;
    private final HttpClient http;

    RobotChannel(ChatPlatform platform, ChatChannelRepository robots, RobotEndpoints endpoints, JsonMapper json,
            MessageSource messages, Clock clock) {
        this.platform = platform;
        this.robots = robots;
        this.endpoints = endpoints;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(endpoints.connectTimeout()).build();
    }

    @Override
    public String name() {
        return platform.channel();
    }

    /** Robots reach a team, not a person: their deliveries are queued by {@link ChatAlerts}. */
    @Override
    public Optional<String> address(Recipient recipient) {
        return Optional.empty();
    }

    @Override
    public int perMinute() {
        return platform.perMinute();
    }

    @Override
    public void deliver(String address, Recipient recipient, Message message) throws Exception {
        ChatChannelRepository.Stored robot = robot(address);
        String label = messages.getMessage("chat.message.open", null, "Open in Fairlead", recipient.locale());
        RobotMessages.Text text = new RobotMessages.Text(message.title(), message.body(), message.link(), label, message.mention());
        String url = robot.webhook();
        Map<String, Object> body;
        switch (platform) {
            case DINGTALK -> {
                body = RobotMessages.dingTalk(text);
                if (robot.secret() != null) {
                    long millis = clock.millis();
                    url += "&timestamp=" + millis + "&sign=" + Signatures.dingTalk(robot.secret(), millis);
                }
            }
            case WECOM -> body = RobotMessages.weCom(text);
            case FEISHU -> {
                body = new LinkedHashMap<>();
                if (robot.secret() != null) {
                    long seconds = clock.instant().getEpochSecond();
                    body.put("timestamp", String.valueOf(seconds));
                    body.put("sign", Signatures.feishu(robot.secret(), seconds));
                }
                body.putAll(RobotMessages.feishu(text));
            }
            default -> throw new IllegalStateException(platform.name());
        }
        post(url, json.writeValueAsString(body));
    }

    private ChatChannelRepository.Stored robot(String address) throws DeliveryRefused {
        long id;
        try {
            id = Long.parseLong(address);
        } catch (NumberFormatException e) {
            throw new DeliveryRefused("Not a robot: " + address);
        }
        ChatChannelRepository.Stored robot = robots.find(id).filter(ChatChannelRepository.Stored::active)
                .orElseThrow(() -> new DeliveryRefused("The robot was removed or paused"));
        if (!Webhooks.allowed(platform, robot.webhook(), endpoints.bases(platform))) {
            throw new DeliveryRefused("The robot's webhook is not a " + platform + " address this server may call");
        }
        return robot;
    }

    private void post(String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(endpoints.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status == 429) {
            throw new DeliveryDeferred(Duration.ofMinutes(1), platform + " answered HTTP 429 (too many requests)");
        }
        if (status >= 300 && status < 400) {
            throw new IllegalStateException(platform + " answered HTTP " + status + " (a redirect, not followed)");
        }
        if (status < 200 || status >= 300) {
            throw new IllegalStateException(platform + " answered HTTP " + status + snippet(response.body()));
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new IllegalStateException(platform + " answered something other than JSON" + snippet(response.body()));
        }
        int code = answer.has("errcode") ? answer.path("errcode").asInt() : answer.has("code") ? answer.path("code").asInt()
                : answer.path("StatusCode").asInt(0);
        if (code == 0) {
            return;
        }
        String text = answer.has("errmsg") ? answer.path("errmsg").asString() : answer.has("msg") ? answer.path("msg").asString()
                : answer.path("StatusMessage").asString();
        String error = platform + " error " + code + ": " + text;
        if (RATE_LIMITED.get(platform).contains(code)) {
            throw new DeliveryDeferred(Duration.ofMinutes(1), error);
        }
        throw new IllegalStateException(error);
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String s = body.strip();
        return ": " + (s.length() > 200 ? s.substring(0, 200) + "…" : s);
    }
}
