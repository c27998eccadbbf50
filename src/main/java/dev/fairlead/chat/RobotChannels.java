package dev.fairlead.chat;

import dev.fairlead.chat.persistence.ChatChannelRepository;
import dev.fairlead.notify.NotificationChannel;
import java.time.Clock;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** One delivery channel per platform. */
@Configuration(proxyBeanMethods = false)
class RobotChannels {

    @Bean
    NotificationChannel dingTalkRobots(ChatChannelRepository robots, RobotEndpoints endpoints, JsonMapper json, MessageSource messages, Clock clock) {
        return new RobotChannel(ChatPlatform.DINGTALK, robots, endpoints, json, messages, clock);
    }

    @Bean
    NotificationChannel weComRobots(ChatChannelRepository robots, RobotEndpoints endpoints, JsonMapper json, MessageSource messages, Clock clock) {
        return new RobotChannel(ChatPlatform.WECOM, robots, endpoints, json, messages, clock);
    }

    @Bean
    NotificationChannel feishuRobots(ChatChannelRepository robots, RobotEndpoints endpoints, JsonMapper json, MessageSource messages, Clock clock) {
        return new RobotChannel(ChatPlatform.FEISHU, robots, endpoints, json, messages, clock);
    }
}
