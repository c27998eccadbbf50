package dev.fairlead.notify;

import dev.fairlead.notify.persistence.NotificationRepository;
import dev.fairlead.org.Contact;
import dev.fairlead.org.Contacts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells reps, managers and users something: written to the recipient's inbox in their language and
 * queued for every channel that reaches them, in the caller's transaction, so a notification exists
 * exactly when the change it reports was committed.
 */
@Service
public class Notifications {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Contacts contacts;
    private final NotificationRepository repository;
    private final MessageSource messages;
    private final List<NotificationChannel> channels;
    private final Clock clock;

    Notifications(Contacts contacts, NotificationRepository repository, MessageSource messages,
            List<NotificationChannel> channels, Clock clock) {
        this.contacts = contacts;
        this.repository = repository;
        this.messages = messages;
        this.channels = channels;
        this.clock = clock;
    }

    @Transactional
    public void toRep(long repId, Notice notice) {
        contacts.rep(repId).ifPresent(c -> send(c, notice));
    }

    /** To the managers responsible for the team (the nearest ones up the hierarchy; else the directors). */
    @Transactional
    public void toManagersOf(long teamId, Notice notice) {
        contacts.managersOf(teamId).forEach(c -> send(c, notice));
    }

    @Transactional
    public void toUser(long userId, Notice notice) {
        contacts.user(userId).ifPresent(c -> send(c, notice));
    }

    /**
     * To a group (a team's chat robot) rather than a person: written in {@code locale}, in no one's
     * inbox, and queued for {@code channel} at {@code address}; {@code mention} is whom the group
     * robot @-mentions (null for nobody). Returns the delivery's id.
     */
    @Transactional
    public long toChannel(String channel, String address, Locale locale, Notice notice, String mention) {
        Object[] args = notice.args().stream().map(this::display).toArray();
        String title = messages.getMessage(notice.titleKey(), args, notice.titleKey(), locale);
        String body = messages.getMessage(notice.bodyKey(), args, notice.bodyKey(), locale);
        Instant now = clock.instant();
        long id = repository.insert(null, notice.kind(), truncate(title, 300), truncate(body, 4000), notice.link(), now);
        return repository.queueDelivery(id, channel, address, locale.toLanguageTag(), mention, now).orElseThrow();
    }

    /**
     * To someone outside Fairlead (a customer contact) by e-mail only: written in {@code locale}, in no
     * one's inbox, and queued for the e-mail channel through the same delivery queue (retried, never
     * lost). False, and nothing written, when there is no address or no SMTP server is configured.
     */
    @Transactional
    public boolean toEmail(String address, String name, Locale locale, Notice notice) {
        Recipient recipient = new Recipient(null, name, address, locale, null, null);
        NotificationChannel email = channels.stream().filter(c -> "email".equals(c.name())).findFirst().orElse(null);
        String to = email == null ? null : email.address(recipient).orElse(null);
        if (to == null) {
            return false;
        }
        Object[] args = notice.args().stream().map(this::display).toArray();
        String title = messages.getMessage(notice.titleKey(), args, notice.titleKey(), locale);
        String body = messages.getMessage(notice.bodyKey(), args, notice.bodyKey(), locale);
        Instant now = clock.instant();
        long id = repository.insert(null, notice.kind(), truncate(title, 300), truncate(body, 4000), notice.link(), now);
        repository.queueDelivery(id, email.name(), to, locale.toLanguageTag(), now);
        return true;
    }

    private void send(Contact contact, Notice notice) {
        Locale locale = Locale.forLanguageTag(contact.locale() == null ? "en" : contact.locale());
        Recipient recipient = new Recipient(contact.userId(), contact.name(), contact.email(), locale, contact.repId(),
                contact.teamId());
        Object[] args = notice.args().stream().map(this::display).toArray();
        String title = messages.getMessage(notice.titleKey(), args, notice.titleKey(), locale);
        String body = messages.getMessage(notice.bodyKey(), args, notice.bodyKey(), locale);
        Instant now = clock.instant();
        long id = repository.insert(contact.userId(), notice.kind(), truncate(title, 300), truncate(body, 4000), notice.link(), now);
        for (NotificationChannel channel : channels) {
            channel.address(recipient).ifPresent(address ->
                    repository.queueDelivery(id, channel.name(), address, locale.toLanguageTag(), now));
        }
    }

    private Object display(Object arg) {
        return arg instanceof Instant instant ? LocalDateTime.ofInstant(instant, clock.getZone()).format(WHEN) : arg;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
