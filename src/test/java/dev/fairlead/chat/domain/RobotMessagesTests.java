package dev.fairlead.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RobotMessagesTests {

    @Test
    void dingTalkMentionsAPhoneInAtMobilesAndNamesItInTheText() {
        Map<String, Object> body = RobotMessages.dingTalk(new RobotMessages.Text("新线索", "**苏州云帆** 已分配给 李娜。", "http://f.test/leads/1",
                "在 Fairlead 中查看", "13800138000"));

        assertThat(body.get("msgtype")).isEqualTo("markdown");
        assertThat(at(body)).containsEntry("atMobiles", List.of("13800138000")).containsEntry("isAtAll", false);
        assertThat(((Map<?, ?>) body.get("markdown")).get("text").toString())
                .contains("[在 Fairlead 中查看](http://f.test/leads/1)").endsWith("@13800138000");
        Map<String, Object> byUserId = RobotMessages.dingTalk(new RobotMessages.Text("t", "b", null, "x", "manager4711"));
        assertThat(at(byUserId)).containsEntry("atUserIds", List.of("manager4711"));
    }

    @Test
    void weComMarkdownStaysWithin4096BytesAndKeepsTheMention() {
        String longBody = "很长的内容".repeat(1000);
        Map<String, Object> body = RobotMessages.weCom(new RobotMessages.Text("标题", longBody, null, "查看", "LiNa"));

        String content = ((Map<?, ?>) body.get("markdown")).get("content").toString();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        assertThat(content).endsWith("…\n<@LiNa>");
    }

    @Test
    void feishuCardMentionsByOpenIdAndLinksWithAButton() {
        Map<String, Object> body = RobotMessages.feishu(new RobotMessages.Text("Deal won", "Li Na won **X**", "http://f.test/deals/2", "Open", "ou_abc"));

        assertThat(body.get("msg_type")).isEqualTo("interactive");
        assertThat(body.toString()).contains("<at id=ou_abc></at>").contains("url=http://f.test/deals/2").contains("content=Deal won");
    }

    @Test
    void cuttingNeverSplitsACharacter() {
        assertThat(RobotMessages.cut("汉字汉字", 9)).isEqualTo("汉字…");
        assertThat(RobotMessages.cut("abc", 3)).isEqualTo("abc");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> body) {
        return (Map<String, Object>) body.get("at");
    }
}
