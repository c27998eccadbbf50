package dev.fairlead.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.Html;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.OrgFixtures.Org;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Outbound webhooks end to end: an admin subscribes a receiver ({@link WebhookReceiver}, which checks
 * the signature with its own HMAC and keeps each event once by id), the workflow raises events, and
 * the delivery job (run by hand: the scheduler is off) sends them, retries, gives up after 24 hours
 * and replays. The receiver listens on 127.0.0.1, so these tests allow private targets, except where
 * they prove that they are refused.
 */
@WorkflowIntegrationTest
class OutboundWebhooksIT {

    private static final String SECRET = "whsec_the-receivers-own-secret-42";
    private static final List<String> ALL_TYPES = Arrays.stream(WebhookEventType.values()).map(WebhookEventType::code).toList();

    @Autowired Api api;
    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired LeadOwnership ownership;
    @Autowired WebhookDeliveries deliveries;
    @Autowired WebhookTargets targets;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired ConfigurableEnvironment environment;
    @Autowired TransactionTemplate transactions;

    Org org;
    final List<WebhookReceiver> receivers = new ArrayList<>();

    @BeforeEach
    void organisation() {
        org = orgs.eastAndSouthChina();
        allowPrivateTargets(true);
    }

    @AfterEach
    void cleanUp() {
        environment.getPropertySources().remove("webhook-test");
        jdbc.sql("DELETE FROM webhook_subscription").update();
        receivers.forEach(WebhookReceiver::close);
        clock.reset();
    }

    @Test
    void everyKindOfEventReachesTheReceiverSignedAtLeastOnceAndAReplayIsTheSameEvent() throws Exception {
        WebhookReceiver receiver = receiver();
        long subscription = subscribe(receiver.url(), ALL_TYPES);

        Lead lead = leads.lead();
        ownership.assign(lead.id(), org.wangWei().id(), "given to 王伟 in the test", false);
        ownership.assign(lead.id(), org.liNa().id(), "handed over to 李娜", false);
        ownership.moveToPool(lead.id(), null, "released in the test");
        ownership.assign(lead.id(), org.liNa().id(), "claimed back from the pool", false);
        String rep = org.rep().token();
        assertThat(api.as(rep).post("/api/leads/" + lead.id() + "/follow-ups",
                Map.of("kind", "CALL", "outcome", "POSITIVE", "notes", "客户要报价")).status()).isEqualTo(201);
        long won = created(api.as(rep).post("/api/deals/from-lead/" + lead.id(), "{}")).path("id").asLong();
        assertThat(api.as(rep).post("/api/deals/" + won + "/stage", Map.of("stage", "needs")).status()).isEqualTo(200);
        assertThat(api.as(rep).post("/api/deals/" + won + "/stage", Map.of("stage", "won")).status()).isEqualTo(200);
        long lost = created(api.as(rep).post("/api/deals/from-lead/" + leads.ownedBy(org.liNa()).id(), "{}")).path("id").asLong();
        assertThat(api.as(rep).post("/api/deals/" + lost + "/stage", Map.of("stage", "lost", "lostReason", "预算取消")).status())
                .isEqualTo(200);
        long goal = created(api.as(org.manager().token()).post("/api/goals", Map.of("metric", "REVENUE", "teamId", org.shanghai().id(),
                "period", String.valueOf(LocalDate.now(clock).getYear()), "target", 1_000_000))).path("id").asLong();

        deliveries.deliverDue();

        List<Map<String, Object>> queued = jdbc.sql("SELECT event_id::text AS id, event_type, status FROM webhook_delivery WHERE subscription_id = :s")
                .param("s", subscription).query().listOfRows();
        assertThat(queued).extracting(r -> r.get("status")).containsOnly("DELIVERED");
        assertThat(receiver.requests()).allMatch(WebhookReceiver.Received::signatureValid);
        Set<Object> queuedIds = new HashSet<>();
        queued.forEach(r -> queuedIds.add(r.get("id")));
        assertThat(receiver.events().keySet()).containsExactlyInAnyOrderElementsOf(queuedIds.stream().map(String::valueOf).toList());
        Map<String, JsonNode> byType = new java.util.HashMap<>();
        for (String body : receiver.events().values()) {
            JsonNode event = api.json().readTree(body);
            byType.putIfAbsent(event.path("type").asString(), event);
        }
        assertThat(byType.keySet()).containsAll(ALL_TYPES);
        JsonNode claimed = byType.get("lead.claimed");
        assertThat(claimed.path("recordKind").asString()).isEqualTo("lead");
        assertThat(claimed.path("recordId").asLong()).isEqualTo(lead.id());
        assertThat(claimed.path("event").path("repId").asLong()).isEqualTo(org.liNa().id());
        assertThat(claimed.path("event").path("previousPoolId").isNull()).isFalse();
        assertThat(claimed.path("record").path("company").asString()).isEqualTo(lead.company());
        assertThat(claimed.path("occurredAt").asString()).isNotBlank();
        assertThat(byType.get("deal.won").path("record").path("id").asLong()).isEqualTo(won);
        assertThat(byType.get("deal.lost").path("event").path("reason").asString()).isEqualTo("预算取消");
        assertThat(byType.get("goal.changed").path("event").path("goalId").asLong()).isEqualTo(goal);
        assertThat(byType.get("goal.changed").path("event").path("change").asString()).isEqualTo("CREATED");

        // at least once: a replay (as a lost acknowledgement would) brings the same event id again
        long first = jdbc.sql("SELECT min(id) FROM webhook_delivery WHERE subscription_id = :s").param("s", subscription)
                .query(Long.class).single();
        String firstEvent = jdbc.sql("SELECT event_id::text FROM webhook_delivery WHERE id = :id").param("id", first)
                .query(String.class).single();
        ApiResponse replay = api.as(org.admin().token()).post("/api/webhooks/" + subscription + "/deliveries/" + first + "/replay", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        assertThat(replay.tree().path("replayOf").asLong()).isEqualTo(first);
        int before = receiver.events().size();
        deliveries.deliverDue();
        assertThat(receiver.eventIdsReceived()).filteredOn(firstEvent::equals).hasSize(2);
        assertThat(receiver.events()).hasSize(before);

        JsonNode log = api.as(org.admin().token()).get("/api/webhooks/" + subscription + "/deliveries").tree();
        assertThat(log.get(0).path("replayOf").asLong()).isEqualTo(first);
        assertThat(log.get(0).path("status").asString()).isEqualTo("DELIVERED");
        assertThat(audited(subscription)).contains("CREATE", "REPLAY");
    }

    @Test
    void anEventIsQueuedOnlyWhenTheTransactionThatRaisedItCommits() throws Exception {
        long subscription = subscribe(receiver().url(), List.of("lead.created"));

        transactions.executeWithoutResult(status -> {
            leads.lead();
            status.setRollbackOnly();
        });
        assertThat(queued(subscription)).isZero();

        leads.lead();
        assertThat(queued(subscription)).isEqualTo(1);
    }

    @Test
    void aRefusedDeliveryIsRetriedWithBackOffAndARedirectIsNotFollowed() throws Exception {
        WebhookReceiver receiver = receiver().answer(500, 302);
        long subscription = subscribe(receiver.url(), List.of("lead.created"));
        leads.lead();

        deliveries.deliverDue();
        assertThat(state(subscription)).isEqualTo("PENDING 1 500");
        deliveries.deliverDue();
        assertThat(receiver.requests()).as("not due again before its back-off").hasSize(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(5));
        deliveries.deliverDue();
        assertThat(state(subscription)).isEqualTo("PENDING 2 302");
        assertThat(jdbc.sql("SELECT last_error FROM webhook_delivery WHERE subscription_id = :s").param("s", subscription)
                .query(String.class).single()).contains("redirect not followed");

        clock.advance(Duration.ofMinutes(1));
        deliveries.deliverDue();
        assertThat(receiver.requests()).as("the second back-off is two minutes").hasSize(2);
        clock.advance(Duration.ofMinutes(1).plusSeconds(5));
        deliveries.deliverDue();

        assertThat(state(subscription)).isEqualTo("DELIVERED 3 200");
        assertThat(receiver.requests()).hasSize(3).allMatch(WebhookReceiver.Received::signatureValid);
        assertThat(receiver.requests()).extracting(WebhookReceiver.Received::eventId).containsOnly(receiver.requests().get(0).eventId());
        assertThat(receiver.events()).hasSize(1);
    }

    @Test
    void aReceiverThatFailsFor24HoursMakesTheSubscriptionFailingAndTellsItsOwnerUntilAReplayGetsThrough() throws Exception {
        WebhookReceiver receiver = receiver().answerOtherwise(500);
        long subscription = subscribe(receiver.url(), List.of("lead.created"));
        leads.lead();
        deliveries.deliverDue();

        Duration passed = Duration.ZERO;
        while (passed.compareTo(Duration.ofHours(22)) < 0) {
            clock.advance(Duration.ofHours(2));
            passed = passed.plusHours(2);
            deliveries.deliverDue();
            assertThat(state(subscription)).as("after %s", passed).startsWith("PENDING");
        }
        assertThat(subscriptionStatus(subscription)).isEqualTo("ACTIVE");
        assertThat(failingNotices()).isZero();

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        deliveries.deliverDue();

        assertThat(state(subscription)).startsWith("FAILED");
        int attempts = receiver.requests().size();
        assertThat(attempts).as("back-off doubling up to two hours apart over 24 hours").isBetween(10, 20);
        assertThat(subscriptionStatus(subscription)).isEqualTo("FAILING");
        assertThat(failingNotices()).isEqualTo(1);
        clock.advance(Duration.ofHours(3));
        deliveries.deliverDue();
        assertThat(receiver.requests()).as("a given-up delivery is not sent again").hasSize(attempts);

        receiver.answerOtherwise(200);
        long failed = jdbc.sql("SELECT id FROM webhook_delivery WHERE subscription_id = :s").param("s", subscription)
                .query(Long.class).single();
        assertThat(api.as(org.admin().token()).post("/api/webhooks/" + subscription + "/deliveries/" + failed + "/replay", "")
                .status()).isEqualTo(202);
        deliveries.deliverDue();

        assertThat(receiver.events()).hasSize(1);
        assertThat(subscriptionStatus(subscription)).isEqualTo("ACTIVE");
        assertThat(failingNotices()).isEqualTo(1);
    }

    @Test
    void loopbackLinkLocalAndPrivateTargetsAreRefusedUnlessTheSettingAllowsThem() throws Exception {
        WebhookReceiver receiver = receiver();
        long accepted = subscribe(receiver.url(), List.of("lead.created"));
        allowPrivateTargets(false);
        long subscriptions = count("webhook_subscription");

        for (String url : List.of("http://127.0.0.1:8080/hooks", "http://169.254.169.254/latest/meta-data/", "http://localhost/hooks",
                "http://[::1]/hooks", "http://10.1.2.3/hooks", "http://192.168.0.10/hooks", "http://[fe80::1]/hooks", receiver.url())) {
            ApiResponse refused = api.as(org.admin().token()).post("/api/webhooks", Map.of("url", url, "eventTypes", List.of("lead.created")));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.errorFields()).as(url).containsExactly("url");
        }
        ApiResponse ftp = api.as(org.admin().token()).post("/api/webhooks", Map.of("url", "ftp://example.com/x", "eventTypes", List.of("lead.created")));
        assertThat(ftp.status()).isEqualTo(400);
        assertThat(targets.refusal("http://169.254.169.254/latest/meta-data/")).get()
                .extracting(p -> p.code()).isEqualTo("webhooks.url.private");
        assertThat(targets.refusal("http://127.0.0.1/")).get().extracting(p -> p.code()).isEqualTo("webhooks.url.private");
        assertThat(count("webhook_subscription")).isEqualTo(subscriptions);

        // accepted while allowed, refused when sent after the setting was turned off
        leads.lead();
        deliveries.deliverDue();
        assertThat(receiver.requests()).isEmpty();
        assertThat(jdbc.sql("SELECT last_error FROM webhook_delivery WHERE subscription_id = :s").param("s", accepted)
                .query(String.class).single()).startsWith("target refused");

        allowPrivateTargets(true);
        assertThat(targets.refusal(receiver.url())).isEmpty();
    }

    @Test
    void anAdminListsAndDeletesSubscriptionsAndTheSecretIsShownOnlyOnce() throws Exception {
        String admin = org.admin().token();
        ApiResponse created = api.as(admin).post("/api/webhooks", Map.of("url", receiver().url(), "eventTypes", List.of("deal.won", "deal.won"),
                "description", "BI 系统"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.tree().path("secret").asString();
        assertThat(secret).startsWith("whsec_");
        long id = created.tree().path("subscription").path("id").asLong();
        assertThat(created.tree().path("subscription").path("eventTypes").size()).isEqualTo(1);
        assertThat(created.tree().path("subscription").path("ownerUserId").asLong()).isEqualTo(org.admin().user().id());

        String listed = api.as(admin).get("/api/webhooks").body();
        assertThat(listed).doesNotContain(secret).contains(secret.substring(0, 10));
        ApiResponse unknownType = api.as(admin).post("/api/webhooks", Map.of("url", receiver().url(), "eventTypes", List.of("lead.deleted")));
        assertThat(unknownType.errorFields()).containsExactly("eventTypes");
        assertThat(api.as(org.director().token()).get("/api/webhooks").status()).isEqualTo(403);

        assertThat(api.as(admin).delete("/api/webhooks/" + id).status()).isEqualTo(204);
        assertThat(api.as(admin).get("/api/webhooks/" + id).status()).isEqualTo(404);
        assertThat(audited(id)).containsExactly("CREATE", "DELETE");
        assertThat(jdbc.sql("SELECT after::text FROM audit_event WHERE entity_type = 'webhook_subscription' AND entity_id = :id AND action = 'CREATE'")
                .param("id", String.valueOf(id)).query(String.class).single()).doesNotContain(secret);
    }

    @Test
    void theAdminsPageSubscribesShowsTheDeliveryLogReplaysAndDeletesInBothLanguages() throws Exception {
        WebhookReceiver receiver = receiver();
        Api.Request browser = signedIn(org.admin().user().username());
        String page = browser.get("/admin/outbound-webhooks").body();
        ApiResponse created = browser.postForm("/admin/outbound-webhooks", List.of(Map.entry("url", receiver.url()),
                Map.entry("eventTypes", "lead.created"), Map.entry("eventTypes", "deal.won"), Map.entry("secret", SECRET),
                Map.entry("_csrf", Html.csrfInput(page))));
        assertThat(created.status()).isEqualTo(302);
        String list = browser.get("/admin/outbound-webhooks?lang=zh-CN").body();
        assertThat(list).contains("外发 Webhook").contains(receiver.url()).contains("新建线索").contains(SECRET)
                .doesNotContain("Subscribe");
        assertThat(browser.get("/admin/outbound-webhooks").body()).as("the secret is shown once").doesNotContain(SECRET);
        long id = jdbc.sql("SELECT id FROM webhook_subscription WHERE url = :url").param("url", receiver.url()).query(Long.class).single();

        leads.lead();
        deliveries.deliverDue();
        long delivery = jdbc.sql("SELECT id FROM webhook_delivery WHERE subscription_id = :s").param("s", id).query(Long.class).single();
        String log = browser.get("/admin/outbound-webhooks/" + id + "?lang=en").body();
        assertThat(log).contains("Delivery log").contains("Delivered").contains("Replay");
        ApiResponse replayed = browser.postForm("/admin/outbound-webhooks/" + id + "/deliveries/" + delivery + "/replay",
                Map.of("_csrf", Html.csrfInput(log)));
        assertThat(replayed.location()).endsWith("/admin/outbound-webhooks/" + id);
        assertThat(browser.get("/admin/outbound-webhooks/" + id).body()).contains("Replay queued").contains("Pending");
        assertThat(queued(id)).isEqualTo(2);

        ApiResponse deleted = browser.postForm("/admin/outbound-webhooks/" + id + "/delete", Map.of("_csrf", Html.csrfInput(log)));
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(count("webhook_subscription")).isZero();
        assertThat(signedIn(org.manager().user().username()).get("/admin/outbound-webhooks").status()).isEqualTo(403);
    }

    private Api.Request signedIn(String username) {
        Api.Request browser = api.browser();
        String login = browser.get("/login").body();
        ApiResponse signedIn = browser.postForm("/login", Map.of("username", username, "password", OrgFixtures.PASSWORD,
                "_csrf", Html.csrfInput(login)));
        assertThat(signedIn.location()).doesNotContain("/login");
        return browser;
    }

    private WebhookReceiver receiver() throws Exception {
        WebhookReceiver receiver = new WebhookReceiver(SECRET);
        receivers.add(receiver);
        return receiver;
    }

    private long subscribe(String url, List<String> types) {
        ApiResponse response = api.as(org.admin().token()).post("/api/webhooks", Map.of("url", url, "eventTypes", types, "secret", SECRET));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.tree().path("subscription").path("id").asLong();
    }

    private void allowPrivateTargets(boolean allowed) {
        environment.getPropertySources().remove("webhook-test");
        environment.getPropertySources().addFirst(new MapPropertySource("webhook-test", Map.of(WebhookTargets.ALLOW_PRIVATE, allowed)));
        assertThat(targets.privateTargetsAllowed()).isEqualTo(allowed);
    }

    private static JsonNode created(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.tree();
    }

    private String state(long subscription) {
        return jdbc.sql("SELECT status || ' ' || attempts || ' ' || coalesce(last_status::text, '-') FROM webhook_delivery WHERE subscription_id = :s")
                .param("s", subscription).query(String.class).single();
    }

    private long queued(long subscription) {
        return jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE subscription_id = :s").param("s", subscription).query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private String subscriptionStatus(long subscription) {
        return api.as(org.admin().token()).get("/api/webhooks/" + subscription).tree().path("status").asString();
    }

    private long failingNotices() {
        return jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :u AND kind = 'webhookFailing'")
                .param("u", org.admin().user().id()).query(Long.class).single();
    }

    private List<String> audited(long subscription) {
        return jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'webhook_subscription' AND entity_id = :id ORDER BY id")
                .param("id", String.valueOf(subscription)).query(String.class).list();
    }
}
