package dev.fairlead.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.notify.Deliveries;
import dev.fairlead.notify.Message;
import dev.fairlead.notify.NotificationChannel;
import dev.fairlead.notify.Recipient;
import dev.fairlead.notify.Notice;
import dev.fairlead.notify.Notifications;
import dev.fairlead.org.Rep;
import dev.fairlead.pool.RecoveryWarned;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.FakeChatPlatforms;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import dev.fairlead.work.SlaBreached;
import dev.fairlead.work.SlaWarned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Team robots against a local server that plays DingTalk, WeCom and Feishu ({@link FakeChatPlatforms}):
 * it checks the signatures the way the platforms document them and answers with their own error
 * codes. What happens in the team is queued in the transaction it happened in and sent by the
 * delivery job: retried, rate-limited, in order, once, and logged per robot.
 */
@WorkflowIntegrationTest
class ChatRobotsIT {

    static final FakeChatPlatforms platforms = start();
    static final AtomicInteger sequence = new AtomicInteger();

    @DynamicPropertySource
    static void platformUrls(DynamicPropertyRegistry registry) {
        registry.add("fairlead.chat.dingtalk-urls", () -> platforms.base() + "/robot/send");
        registry.add("fairlead.chat.wecom-urls", () -> platforms.base() + "/cgi-bin/webhook/send");
        registry.add("fairlead.chat.feishu-urls", () -> platforms.base() + "/open-apis/bot/v2/hook/");
        registry.add("fairlead.chat.request-timeout", () -> "PT1S");
    }

    @Autowired Api api;
    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired LeadOwnership ownership;
    @Autowired Deliveries deliveries;
    @Autowired Notifications notifications;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;

    OrgFixtures.Org org;
    String manager;

    @BeforeEach
    void organisation() {
        platforms.clock(clock);
        org = orgs.eastAndSouthChina();
        manager = org.manager().token();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aGradeALeadReachesTheSignedDingTalkRobotMentioningItsOwnerByPhone() {
        String token = token();
        platforms.robot(token, "SECsigned" + token);
        long robot = robot("DINGTALK", platforms.base() + "/robot/send?access_token=" + token, "SECsigned" + token, "zh-CN",
                List.of("LEAD_ASSIGNED_A"));
        assertThat(api.as(manager).put("/api/reps/" + org.liNa().id() + "/chat-ids", Map.of("DINGTALK", "13800138000")).status())
                .isEqualTo(200);

        Lead gradeA = assigned(org.liNa(), "A");
        Lead gradeC = assigned(org.liNa(), "C");
        deliveries.deliverDue();

        List<FakeChatPlatforms.Received> got = platforms.to(token);
        assertThat(got).hasSize(1);
        JsonNode body = json(got.get(0));
        assertThat(body.path("msgtype").asString()).isEqualTo("markdown");
        String text = body.path("markdown").path("text").asString();
        assertThat(text).contains(gradeA.company()).contains("李娜").contains("A 级")
                .contains("(http://fairlead.test/leads/" + gradeA.id() + ")").endsWith("@13800138000")
                .doesNotContain(gradeC.company());
        assertThat(body.path("at").path("atMobiles").get(0).asString()).isEqualTo("13800138000");
        assertThat(platforms.refused).doesNotContain("dingtalk " + token);

        JsonNode log = log(robot);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("status").asString()).isEqualTo("SENT");
        assertThat(log.get(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(outcomes(log.get(0))).containsExactly("SENT");
    }

    @Test
    void aRateLimitAnswerIsRetriedAMinuteLaterWithoutUsingUpAnAttempt() {
        String key = token();
        long robot = robot("WECOM", key, null, "zh-CN", List.of("SLA_WARNING"));
        api.as(manager).put("/api/reps/" + org.liNa().id() + "/chat-ids", Map.of("WECOM", "LiNa"));
        platforms.script(key, "RATE_LIMIT");

        transactions.executeWithoutResult(s -> events.publishEvent(new SlaWarned(42L, "苏州云帆电子科技", org.liNa().id(), "李娜",
                org.shanghai().id(), clock.instant().plus(Duration.ofHours(2)))));
        deliveries.deliverDue();

        assertThat(platforms.to(key)).isEmpty();
        JsonNode waiting = log(robot).get(0);
        assertThat(waiting.path("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.path("attempts").asInt()).isZero();
        assertThat(waiting.path("lastError").asString()).contains("45009").contains("api freq out of limit");
        assertThat(outcomes(waiting)).containsExactly("DEFERRED");

        clock.advance(Duration.ofSeconds(30));
        deliveries.deliverDue();
        assertThat(platforms.to(key)).isEmpty();

        clock.advance(Duration.ofSeconds(31));
        deliveries.deliverDue();
        assertThat(platforms.to(key)).hasSize(1);
        String content = json(platforms.to(key).get(0)).path("markdown").path("content").asString();
        assertThat(content).contains("即将到达首次联系时限").contains("苏州云帆电子科技").endsWith("<@LiNa>");
        JsonNode sent = log(robot).get(0);
        assertThat(sent.path("status").asString()).isEqualTo("SENT");
        assertThat(outcomes(sent)).containsExactly("DEFERRED", "SENT");
    }

    @Test
    void aBadFeishuSignatureIsLoggedWithThePlatformsTextAndTheQueuedMessageTakesTheCorrectedSecret() {
        String hook = token();
        platforms.robot(hook, "right-secret");
        long robot = robot("FEISHU", platforms.base() + "/open-apis/bot/v2/hook/" + hook, "wrong-secret", "en", List.of());

        ApiResponse test = api.as(manager).post(robotPath(robot) + "/test", "{}");
        assertThat(test.status()).isEqualTo(200);
        assertThat(test.tree().path("status").asString()).isEqualTo("PENDING");
        assertThat(test.tree().path("attempts").asInt()).isEqualTo(1);
        assertThat(test.tree().path("lastError").asString()).contains("19021").contains("sign match fail");
        assertThat(platforms.refused).contains("feishu " + hook);

        ApiResponse fixed = api.as(manager).put(robotPath(robot), Map.of("platform", "FEISHU", "name", "销售群", "locale", "en",
                "secret", "right-secret", "events", List.of()));
        assertThat(fixed.status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        long sentFrom = clock.instant().getEpochSecond();
        deliveries.deliverDue();
        long sentUntil = clock.instant().getEpochSecond();

        assertThat(platforms.to(hook)).hasSize(1);
        JsonNode body = json(platforms.to(hook).get(0));
        assertThat(body.path("msg_type").asString()).isEqualTo("interactive");
        // the clock runs on while the message is signed and sent: the second it was signed in lies between the two readings
        assertThat(Long.parseLong(body.path("timestamp").asString())).isBetween(sentFrom, sentUntil);
        assertThat(body.path("card").path("header").path("title").path("content").asString()).isEqualTo("Test message from Fairlead");
        assertThat(outcomes(log(robot).get(0))).containsExactly("FAILED", "SENT");
    }

    @Test
    void aFailureMidwayLosesNothingAndLaterMessagesWaitTheirTurn() {
        String token = token();
        long robot = robot("DINGTALK", token, null, "en", List.of());
        queue(robot, ChatPlatform.DINGTALK, 3);
        platforms.script(token, "OK", "HTTP_500");

        deliveries.deliverDue();
        assertThat(indexes(token)).containsExactly(0);
        JsonNode log = log(robot);
        assertThat(log.get(1).path("status").asString()).isEqualTo("PENDING");
        assertThat(log.get(1).path("attempts").asInt()).isEqualTo(1);
        assertThat(log.get(1).path("lastError").asString()).contains("HTTP 500");
        assertThat(log.get(0).path("attempts").asInt()).as("the third waits behind the second").isZero();

        clock.advance(Duration.ofSeconds(61));
        deliveries.deliverDue();
        assertThat(indexes(token)).containsExactly(0, 1, 2);
        assertThat(log(robot)).allSatisfy(d -> assertThat(d.path("status").asString()).isEqualTo("SENT"));
    }

    @Test
    void redirectsAreNotFollowedAndASlowPlatformTimesOutAndIsRetried() {
        String token = token();
        long robot = robot("DINGTALK", token, null, "en", List.of());
        queue(robot, ChatPlatform.DINGTALK, 1);
        platforms.script(token, "REDIRECT", "SLOW");

        deliveries.deliverDue();
        clock.advance(Duration.ofMinutes(1));
        deliveries.deliverDue();
        assertThat(platforms.to(token)).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        deliveries.deliverDue();

        assertThat(platforms.to(token)).hasSize(1);
        JsonNode history = log(robot).get(0).path("history");
        assertThat(history.get(0).path("error").asString()).contains("HTTP 302").contains("not followed");
        assertThat(history.get(1).path("error").asString()).containsIgnoringCase("timed out");
        assertThat(history.get(2).path("outcome").asString()).isEqualTo("SENT");
    }

    @Test
    void aDingTalkRobotIsSentAtMostTwentyMessagesAMinuteAndTheRestWaitInOrder() {
        String token = token();
        long robot = robot("DINGTALK", token, null, "en", List.of());
        queue(robot, ChatPlatform.DINGTALK, 25);

        deliveries.deliverDue();
        assertThat(platforms.to(token)).hasSize(20);
        assertThat(log(robot).get(4).path("lastError").asString()).contains("at most 20 messages a minute");

        clock.advance(Duration.ofSeconds(61));
        deliveries.deliverDue();
        assertThat(indexes(token)).containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());
    }

    @Test
    void twoDeliveryRunsRacingSendEveryMessageExactlyOnce() throws InterruptedException {
        String hook = token();
        long robot = robot("FEISHU", hook, null, "en", List.of());
        queue(robot, ChatPlatform.FEISHU, 40);

        CountDownLatch start = new CountDownLatch(1);
        List<Thread> runs = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            Thread run = new Thread(() -> {
                try {
                    start.await();
                    sent.addAndGet(deliveries.deliverDue());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            run.start();
            runs.add(run);
        }
        start.countDown();
        for (Thread run : runs) {
            run.join(60_000);
        }

        assertThat(sent.get()).isEqualTo(40);
        assertThat(indexes(hook)).hasSize(40).doesNotHaveDuplicates();
        assertThat(log(robot)).allSatisfy(d -> assertThat(d.path("attempts").asInt()).isEqualTo(1));
    }

    @Test
    void aNodeThatDiesWhileSendingLosesNothingAndSendsAgainOnlyTheMessageInFlight() {
        String run = "crash" + sequence.incrementAndGet() + "-";
        for (int i = 0; i < 3; i++) {
            notifications.toChannel(DyingNode.NAME, run, Locale.ENGLISH, Notice.of("chat.test", "/teams", run + "message-" + i + "-end", "t"), null);
        }
        DyingNode.dieOn = run + "message-1-end";

        assertThatThrownBy(() -> deliveries.deliverDue()).isInstanceOf(DyingNode.Died.class);
        deliveries.deliverDue();

        assertThat(DyingNode.SENT.stream().filter(b -> b.contains(run)).map(b -> b.substring(b.indexOf(run) + run.length(), b.indexOf("-end")))
                .toList()).as("the message in flight when the node died goes out again; the one before it does not")
                .containsExactly("message-0", "message-1", "message-1", "message-2");
        assertThat(jdbc.sql("SELECT status || ' ' || attempts FROM notification_delivery WHERE channel = :c AND address = :a ORDER BY id")
                .param("c", DyingNode.NAME).param("a", run).query(String.class).list()).containsExactly("SENT 1", "SENT 1", "SENT 1");
    }

    @Test
    void breachesAndPoolWarningsReachTheRobotsThatTakeThemInTheirLanguage() {
        String token = token();
        long english = robot("DINGTALK", token, null, "en", List.of("SLA_BREACH", "POOL_WARNING"));
        String other = token();
        robot("DINGTALK", other, null, "en", List.of("DEAL_WON"));

        transactions.executeWithoutResult(s -> {
            events.publishEvent(new SlaBreached(7L, "Ningbo Harbour Logistics", org.liNa().id(), "李娜", org.shanghai().id(), clock.instant()));
            events.publishEvent(new RecoveryWarned(8L, "Wuxi Green Energy", org.liNa().id(), "NO_FOLLOW_UP", 30,
                    clock.instant().plus(Duration.ofDays(3))));
            events.publishEvent(new SlaWarned(9L, "Not for this robot", org.liNa().id(), "李娜", org.shanghai().id(), clock.instant()));
            events.publishEvent(new SlaBreached(10L, "Another team", org.huJun().id(), "胡军", org.shenzhen().id(), clock.instant()));
        });
        deliveries.deliverDue();

        List<String> texts = platforms.to(token).stream().map(r -> json(r).path("markdown").path("text").asString()).toList();
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0)).contains("First-contact SLA breached: Ningbo Harbour Logistics").contains("/leads/7");
        assertThat(texts.get(1)).contains("Going back to the pool soon: Wuxi Green Energy").contains("30-day rule");
        assertThat(platforms.to(other)).isEmpty();
        assertThat(log(english)).hasSize(2);
    }

    @Test
    void aWonDealReachesTheFeishuBotAsACardMentioningTheOwnerByOpenId() {
        String hook = token();
        long robot = robot("FEISHU", platforms.base() + "/open-apis/bot/v2/hook/" + hook, null, "zh-CN", List.of("DEAL_WON"));
        api.as(manager).put("/api/reps/" + org.liNa().id() + "/chat-ids", Map.of("FEISHU", "ou_7d8a6e"));
        String name = "华东年度框架协议 " + sequence.incrementAndGet();
        ApiResponse deal = api.as(manager).post("/api/deals", Map.of("name", name, "amount", new java.math.BigDecimal("880000"),
                "currency", "CNY", "ownerRepId", org.liNa().id(), "stage", "negotiation"));
        assertThat(deal.status()).as(deal.body()).isEqualTo(201);
        assertThat(api.as(manager).post("/api/deals/" + deal.tree().path("id").asLong() + "/stage", Map.of("stage", "proposal")).status())
                .isEqualTo(200);
        deliveries.deliverDue();
        assertThat(platforms.to(hook)).as("only a won deal is told").isEmpty();

        assertThat(api.as(manager).post("/api/deals/" + deal.tree().path("id").asLong() + "/stage", Map.of("stage", "won")).status())
                .isEqualTo(200);
        deliveries.deliverDue();

        assertThat(platforms.to(hook)).hasSize(1);
        JsonNode card = json(platforms.to(hook).get(0)).path("card");
        assertThat(card.path("header").path("title").path("content").asString()).isEqualTo("赢单：" + name);
        String content = card.path("elements").get(0).path("text").path("content").asString();
        assertThat(content).contains("李娜").contains("880000").contains("CNY").endsWith("<at id=ou_7d8a6e></at>");
        assertThat(card.path("elements").get(1).path("actions").get(0).path("url").asString())
                .isEqualTo("http://fairlead.test/deals/" + deal.tree().path("id").asLong());
        assertThat(log(robot).get(0).path("status").asString()).isEqualTo("SENT");
    }

    @Test
    void robotsAreTheirTeamsOwnAndTheirSecretsAreNeverShownBack() {
        String token = token();
        long robot = robot("DINGTALK", platforms.base() + "/robot/send?access_token=" + token, "SECnever-shown", "zh-CN",
                List.of("DEAL_WON"));

        ApiResponse list = api.as(manager).get("/api/teams/" + org.shanghai().id() + "/chat-channels");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain("SECnever-shown").doesNotContain(token).contains(token.substring(0, 4) + "…");
        assertThat(list.tree().get(0).path("signed").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'chat_channel' AND entity_id = :id "
                        + "AND (after::text LIKE '%SECnever%' OR after::text LIKE :token)")
                .param("id", String.valueOf(robot)).param("token", "%" + token + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'chat_channel' AND entity_id = :id")
                .param("id", String.valueOf(robot)).query(Long.class).single()).isEqualTo(1);

        assertThat(api.as(org.rep().token()).get("/api/teams/" + org.shanghai().id() + "/chat-channels").status()).isEqualTo(403);
        assertThat(api.as(org.southManager().token()).get(robotPath(robot)).status()).isEqualTo(404);
        assertThat(api.as(org.southManager().token()).get("/api/teams/" + org.shenzhen().id() + "/chat-channels/" + robot).status())
                .isEqualTo(404);

        ApiResponse elsewhere = api.as(manager).post("/api/teams/" + org.shanghai().id() + "/chat-channels", Map.of("platform", "DINGTALK",
                "name", "x", "locale", "zh-CN", "webhook", "https://169.254.169.254/robot/send?access_token=" + token));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.errorFields()).contains("webhook");
        ApiResponse both = api.as(manager).post("/api/teams/" + org.shanghai().id() + "/chat-channels", Map.of("platform", "WECOM",
                "name", "x", "locale", "zh-CN", "webhook", token(), "secret", "s", "events", List.of("LEAD_ASSIGNED", "LEAD_ASSIGNED_A")));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.errorFields()).contains("events", "secret");

        assertThat(api.as(manager).delete(robotPath(robot)).status()).isEqualTo(204);
        assertThat(api.as(manager).get(robotPath(robot)).status()).isEqualTo(404);
    }

    /** A channel whose node dies (an {@link Error}, not a failed send) right after sending one chosen message, before its commit. */
    @TestConfiguration(proxyBeanMethods = false)
    static class DyingNode {

        static final String NAME = "dying-node";
        static final List<String> SENT = new CopyOnWriteArrayList<>();
        static volatile String dieOn = "";

        static final class Died extends Error {
            Died() {
                super("the node died after sending");
            }
        }

        @Bean
        NotificationChannel dyingNodeChannel() {
            return new NotificationChannel() {
                @Override
                public String name() {
                    return NAME;
                }

                @Override
                public Optional<String> address(Recipient recipient) {
                    return Optional.empty();
                }

                @Override
                public void deliver(String address, Recipient recipient, Message message) {
                    SENT.add(message.body());
                    if (!dieOn.isEmpty() && message.body().contains(dieOn)) {
                        dieOn = "";
                        throw new Died();
                    }
                }
            };
        }
    }

    private long robot(String platform, String webhook, String secret, String locale, List<String> events) {
        Map<String, Object> body = new HashMap<>(Map.of("platform", platform, "name", "销售群 " + sequence.incrementAndGet(),
                "webhook", webhook, "locale", locale, "events", events));
        if (secret != null) {
            body.put("secret", secret);
        }
        ApiResponse created = api.as(manager).post("/api/teams/" + org.shanghai().id() + "/chat-channels", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.tree().path("id").asLong();
    }

    private String robotPath(long robot) {
        return "/api/teams/" + org.shanghai().id() + "/chat-channels/" + robot;
    }

    private JsonNode log(long robot) {
        ApiResponse log = api.as(manager).get(robotPath(robot) + "/deliveries");
        assertThat(log.status()).isEqualTo(200);
        return log.tree();
    }

    private static List<String> outcomes(JsonNode delivery) {
        List<String> outcomes = new ArrayList<>();
        delivery.path("history").forEach(a -> outcomes.add(a.path("outcome").asString()));
        return outcomes;
    }

    /** {@code count} messages queued for the robot, numbered 0… in the order they were queued. */
    private void queue(long robot, ChatPlatform platform, int count) {
        for (int i = 0; i < count; i++) {
            notifications.toChannel(platform.channel(), String.valueOf(robot), Locale.ENGLISH,
                    Notice.of("chat.test", "/teams", "message-" + i + "-end", "test"), null);
        }
    }

    /** The message numbers the robot received, in the order it received them. */
    private List<Integer> indexes(String token) {
        return platforms.to(token).stream().map(r -> {
            String body = r.body();
            int at = body.indexOf("message-") + "message-".length();
            return Integer.parseInt(body.substring(at, body.indexOf("-end", at)));
        }).toList();
    }

    private Lead assigned(Rep rep, String grade) {
        Lead lead = leads.lead();
        ownership.moveToPool(lead.id(), null, "waiting for the test");
        leads.grade(lead.id(), grade);
        ownership.assign(lead.id(), rep.id(), "assigned in the test", false);
        return leads.get(lead.id());
    }

    private JsonNode json(FakeChatPlatforms.Received received) {
        return api.json().readTree(received.body());
    }

    private static String token() {
        return "tok" + System.nanoTime() + "x" + sequence.incrementAndGet();
    }

    private static FakeChatPlatforms start() {
        try {
            return new FakeChatPlatforms();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
