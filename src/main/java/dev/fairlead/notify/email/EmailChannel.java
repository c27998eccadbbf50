package dev.fairlead.notify.email;

import dev.fairlead.notify.Message;
import dev.fairlead.notify.NotificationChannel;
import dev.fairlead.notify.Recipient;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Plain-text e-mail in the recipient's language; active when an SMTP server is configured. */
@Component
class EmailChannel implements NotificationChannel {

    private final ObjectProvider<JavaMailSender> sender;
    private final MessageSource messages;
    private final SmtpProperties smtp;

    EmailChannel(ObjectProvider<JavaMailSender> sender, MessageSource messages, SmtpProperties smtp) {
        this.sender = sender;
        this.messages = messages;
        this.smtp = smtp;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        if (sender.getIfAvailable() == null || recipient.email() == null || recipient.email().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(recipient.email());
    }

    @Override
    public void deliver(String address, Recipient recipient, Message message) throws Exception {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new IllegalStateException("No SMTP server configured (fairlead.smtp.host)");
        }
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
        helper.setFrom(smtp.from());
        helper.setTo(address);
        helper.setSubject("[Fairlead] " + message.title());
        StringBuilder text = new StringBuilder(message.body());
        if (message.link() != null) {
            text.append("\n\n").append(messages.getMessage("notify.email.open", null, "Open", recipient.locale()))
                    .append(": ").append(message.link());
        }
        text.append("\n\n-- \n").append(messages.getMessage("notify.email.footer", null, "Fairlead", recipient.locale()));
        helper.setText(text.toString(), false);
        mail.send(mime);
    }
}
