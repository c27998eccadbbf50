package dev.fairlead.chat;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the platforms' robots live (a robot's webhook must start with one of these) and how long
 * Fairlead waits for them. Tests point the bases at a local server that plays the platforms.
 */
@Component
class RobotEndpoints {

    private final List<String> dingTalk;
    private final List<String> weCom;
    private final List<String> feishu;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    RobotEndpoints(@Value("${fairlead.chat.dingtalk-urls:https://oapi.dingtalk.com/robot/send}") List<String> dingTalk,
            @Value("${fairlead.chat.wecom-urls:https://qyapi.weixin.qq.com/cgi-bin/webhook/send}") List<String> weCom,
            @Value("${fairlead.chat.feishu-urls:https://open.feishu.cn/open-apis/bot/v2/hook/,https://open.larksuite.com/open-apis/bot/v2/hook/}")
            List<String> feishu,
            @Value("${fairlead.chat.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${fairlead.chat.request-timeout:PT10S}") Duration requestTimeout) {
        this.dingTalk = List.copyOf(dingTalk);
        this.weCom = List.copyOf(weCom);
        this.feishu = List.copyOf(feishu);
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    List<String> bases(ChatPlatform platform) {
        return switch (platform) {
            case DINGTALK -> dingTalk;
            case WECOM -> weCom;
            case FEISHU -> feishu;
        };
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }
}
