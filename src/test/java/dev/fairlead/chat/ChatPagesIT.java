package dev.fairlead.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The team's robot pages as a manager uses them: add a robot, refuse a foreign webhook in words, set reps' ids, stay in scope. */
@IntegrationTest
class ChatPagesIT {

    @Autowired OrgFixtures fixtures;
    @Autowired Api api;

    @Test
    void aManagerConnectsHerTeamsDingTalkGroupOnItsPage() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String manager = org.manager().token();
        String page = "/teams/" + org.shanghai().id() + "/chat";
        String zh = api.as(manager).language("zh-CN").get(page).body();
        assertThat(zh).contains("群机器人").contains("本团队还没有群机器人").contains("销售的群聊账号").contains("李娜");
        assertThat(api.as(manager).language("zh-CN").get("/teams").body()).contains("id=\"chat-" + org.shanghai().id() + "\"");

        ApiResponse foreign = api.as(manager).language("zh-CN").postForm(page, List.of(Map.entry("platform", "DINGTALK"),
                Map.entry("name", "上海一组销售群"), Map.entry("locale", "zh-CN"),
                Map.entry("webhook", "https://attacker.example/robot/send?access_token=abcdef123456")));
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.body()).contains("id=\"form-errors\"").contains("id=\"error-webhook\"").contains("请粘贴机器人的 Webhook 地址");

        ApiResponse added = api.as(manager).postForm(page, List.of(Map.entry("platform", "DINGTALK"), Map.entry("name", "上海一组销售群"),
                Map.entry("locale", "zh-CN"), Map.entry("webhook", "https://oapi.dingtalk.com/robot/send?access_token=abcdef123456"),
                Map.entry("secret", "SECpage-secret"), Map.entry("leads", "A"), Map.entry("events", "SLA_WARNING"),
                Map.entry("events", "SLA_BREACH")));
        assertThat(added.status()).isEqualTo(302);
        JsonNode robot = api.as(manager).get("/api/teams/" + org.shanghai().id() + "/chat-channels").tree().get(0);
        List<String> events = new java.util.ArrayList<>();
        robot.path("events").forEach(e -> events.add(e.asString()));
        assertThat(events).containsExactlyInAnyOrder("LEAD_ASSIGNED_A", "SLA_WARNING", "SLA_BREACH");
        assertThat(robot.path("signed").asBoolean()).isTrue();
        assertThat(added.location()).endsWith(page + "/" + robot.path("id").asLong());

        String list = api.as(manager).language("en").get(page).body();
        assertThat(list).contains("Grade A leads only").contains("First-contact SLA breached").contains(", ").doesNotContain("、")
                .doesNotContain("SECpage-secret").contains("access_token=abcd…");
        String robotPage = page + "/" + robot.path("id").asLong();
        String en = api.as(manager).language("en").get(robotPage).body();
        assertThat(en).contains("Delivery log").contains("Nothing was sent to this robot yet").contains("Send a test message")
                .doesNotContain("SECpage-secret").doesNotContain("abcdef123456");

        ApiResponse paused = api.as(manager).postForm(robotPage, List.of(Map.entry("name", "上海一组销售群"), Map.entry("locale", "en"),
                Map.entry("leads", "ALL"), Map.entry("version", robot.path("version").asString())));
        assertThat(paused.status()).isEqualTo(302);
        JsonNode changed = api.as(manager).get("/api/teams/" + org.shanghai().id() + "/chat-channels/" + robot.path("id").asLong()).tree();
        assertThat(changed.path("active").asBoolean()).isFalse();
        assertThat(changed.path("signed").asBoolean()).as("an empty secret field keeps the secret").isTrue();
        assertThat(changed.path("locale").asString()).isEqualTo("en");
        assertThat(api.as(manager).postForm(robotPage + "/test", Map.of()).status()).isEqualTo(302);
        JsonNode log = api.as(manager).get("/api/teams/" + org.shanghai().id() + "/chat-channels/" + robot.path("id").asLong() + "/deliveries")
                .tree().get(0);
        assertThat(log.path("status").asString()).isEqualTo("FAILED");
        assertThat(log.path("lastError").asString()).contains("paused");
        assertThat(api.as(manager).language("en").get(robotPage).body()).contains("Test message from Fairlead").contains("Failed");

        ApiResponse ids = api.as(manager).postForm(page + "/reps/" + org.liNa().id(), Map.of("dingtalk", "13800138000", "feishu", "ou_7d8a6e"));
        assertThat(ids.status()).isEqualTo(302);
        assertThat(api.as(manager).get("/api/reps/" + org.liNa().id() + "/chat-ids").tree().path("FEISHU").asString()).isEqualTo("ou_7d8a6e");
        ApiResponse badId = api.as(manager).language("zh-CN").postForm(page + "/reps/" + org.liNa().id(), Map.of("wecom", "李 娜"));
        assertThat(badId.body()).contains("id=\"error-rep-" + org.liNa().id() + "-WECOM\"");

        assertThat(api.as(org.rep().token()).get(page).status()).isEqualTo(403);
        assertThat(api.as(org.southManager().token()).get(page).status()).isEqualTo(404);
        assertThat(api.as(org.southManager().token()).get(robotPage).status()).isEqualTo(404);
    }
}
