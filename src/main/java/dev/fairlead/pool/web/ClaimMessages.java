package dev.fairlead.pool.web;

import dev.fairlead.common.web.DateTimes;
import dev.fairlead.pool.ClaimResult;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A claim's outcome as a sentence in the reader's language. */
@Component
class ClaimMessages {

    private final MessageSource messages;
    private final DateTimes dateTimes;

    ClaimMessages(MessageSource messages, DateTimes dateTimes) {
        this.messages = messages;
        this.dateTimes = dateTimes;
    }

    String text(ClaimResult result) {
        Locale locale = LocaleContextHolder.getLocale();
        if (result instanceof ClaimResult.Refused refused) {
            Object[] args = refused.args().stream()
                    .map(a -> a instanceof Instant i ? dateTimes.format(i) : a).toArray();
            return messages.getMessage(refused.messageKey(), args, refused.messageKey(), locale);
        }
        return messages.getMessage("pool.claim.claimed", new Object[] {result.leadId()}, locale);
    }
}
