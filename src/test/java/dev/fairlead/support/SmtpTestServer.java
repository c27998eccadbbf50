package dev.fairlead.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A GreenMail SMTP server on a free port for the test context, and the mail sender pointed at it. */
@TestConfiguration(proxyBeanMethods = false)
public class SmtpTestServer {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail greenMail() {
        return new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail greenMail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl() {
            @Override
            public int getPort() {
                return greenMail.getSmtp().getPort();
            }
        };
        sender.setHost("127.0.0.1");
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        return sender;
    }
}
