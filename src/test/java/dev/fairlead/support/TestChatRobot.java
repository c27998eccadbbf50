package dev.fairlead.support;

import dev.fairlead.notify.Message;
import dev.fairlead.notify.NotificationChannel;
import dev.fairlead.notify.Recipient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A chat-robot channel as DingTalk, WeCom or Feishu would plug in: it reaches people whose e-mail
 * is at robot.test (nobody else's deliveries are queued for it) and its webhook is down for the
 * very first attempt.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestChatRobot {

    public static final List<String> POSTED = new CopyOnWriteArrayList<>();
    public static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @Bean
    NotificationChannel wecomRobot() {
        return new NotificationChannel() {
            @Override
            public String name() {
                return "wecom-test";
            }

            @Override
            public Optional<String> address(Recipient recipient) {
                return recipient.email() != null && recipient.email().endsWith("@robot.test")
                        ? Optional.of("https://qyapi.example/webhook?key=" + recipient.userId()) : Optional.empty();
            }

            @Override
            public void deliver(String address, Recipient recipient, Message message) {
                if (ATTEMPTS.incrementAndGet() == 1) {
                    throw new IllegalStateException("robot webhook answered 503");
                }
                POSTED.add(recipient.locale().toLanguageTag() + " " + message.title() + " " + message.link());
            }
        };
    }
}
