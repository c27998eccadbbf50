package dev.fairlead.notify.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code fairlead.smtp.*} (environment {@code FAIRLEAD_SMTP_*}); no host means no e-mail is sent. */
@ConfigurationProperties("fairlead.smtp")
record SmtpProperties(String host, Integer port, String username, String password, String from, Boolean starttls) {

    SmtpProperties {
        port = port == null ? 587 : port;
        from = from == null || from.isBlank() ? "fairlead@localhost" : from;
        starttls = starttls == null || starttls;
    }
}
