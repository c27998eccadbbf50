package dev.fairlead.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.chat.ChatPlatform;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhooksTests {

    private static final List<String> DINGTALK = List.of("https://oapi.dingtalk.com/robot/send");
    private static final List<String> WECOM = List.of("https://qyapi.weixin.qq.com/cgi-bin/webhook/send");
    private static final List<String> FEISHU = List.of("https://open.feishu.cn/open-apis/bot/v2/hook/",
            "https://open.larksuite.com/open-apis/bot/v2/hook/");

    @Test
    void thePlatformsOwnWebhooksAreKeptWithTheirTokenOnly() {
        assertThat(Webhooks.canonical(ChatPlatform.DINGTALK, " https://oapi.dingtalk.com/robot/send?access_token=abc123def456&x=1 ", DINGTALK))
                .contains("https://oapi.dingtalk.com/robot/send?access_token=abc123def456");
        assertThat(Webhooks.canonical(ChatPlatform.WECOM, "key with/odd chars", WECOM)).isEmpty();
        assertThat(Webhooks.canonical(ChatPlatform.WECOM, "693a91f6-7aaa-4bc4-97a0-0ec2b1fa5aaa", WECOM))
                .contains("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2b1fa5aaa");
        assertThat(Webhooks.canonical(ChatPlatform.FEISHU, "https://open.larksuite.com/open-apis/bot/v2/hook/0f8e1d2c-aaaa-bbbb", FEISHU))
                .contains("https://open.larksuite.com/open-apis/bot/v2/hook/0f8e1d2c-aaaa-bbbb");
    }

    @Test
    void anyOtherHostSchemePortOrPathIsRefused() {
        assertThat(Webhooks.canonical(ChatPlatform.DINGTALK, "https://oapi.dingtalk.com.evil.test/robot/send?access_token=abc123def456", DINGTALK)).isEmpty();
        assertThat(Webhooks.canonical(ChatPlatform.DINGTALK, "http://oapi.dingtalk.com/robot/send?access_token=abc123def456", DINGTALK)).isEmpty();
        assertThat(Webhooks.canonical(ChatPlatform.DINGTALK, "https://oapi.dingtalk.com:8443/robot/send?access_token=abc123def456", DINGTALK)).isEmpty();
        assertThat(Webhooks.canonical(ChatPlatform.DINGTALK, "https://user@oapi.dingtalk.com/robot/send?access_token=abc123def456", DINGTALK)).isEmpty();
        assertThat(Webhooks.canonical(ChatPlatform.DINGTALK, "https://oapi.dingtalk.com/robot/other?access_token=abc123def456", DINGTALK)).isEmpty();
        assertThat(Webhooks.canonical(ChatPlatform.DINGTALK, "https://169.254.169.254/robot/send?access_token=abc123def456", DINGTALK)).isEmpty();
        assertThat(Webhooks.canonical(ChatPlatform.FEISHU, "https://open.feishu.cn/open-apis/bot/v2/hook/../../admin", FEISHU)).isEmpty();
        assertThat(Webhooks.canonical(ChatPlatform.WECOM, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", WECOM)).isEmpty();
        assertThat(Webhooks.canonical(ChatPlatform.WECOM, "", WECOM)).isEmpty();
        assertThat(Webhooks.canonical(ChatPlatform.WECOM, null, WECOM)).isEmpty();
    }

    @Test
    void aShownWebhookKeepsOnlyTheFirstFourCharactersOfTheToken() {
        assertThat(Webhooks.masked(ChatPlatform.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=abc123def456"))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=abc1…");
        assertThat(Webhooks.masked(ChatPlatform.FEISHU, "https://open.feishu.cn/open-apis/bot/v2/hook/0f8e1d2c-aaaa"))
                .isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/0f8e…");
    }
}
