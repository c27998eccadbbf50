package dev.fairlead.credit;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.credit.domain.CreditAction;
import dev.fairlead.credit.domain.CreditWorkflow;
import dev.fairlead.notify.Notice;
import dev.fairlead.notify.Notifications;
import dev.fairlead.org.User;
import dev.fairlead.org.UserService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What every step of the confirmation shares: the state machine's refusals in the caller's language, the audit entry, the next person told. */
@Component
class CreditSteps {

    static final String ENTITY = "credit_entry";

    private final MessageSource messages;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final UserService users;

    CreditSteps(MessageSource messages, AuditTrail audit, Notifications notifications, UserService users) {
        this.messages = messages;
        this.audit = audit;
        this.notifications = notifications;
        this.users = users;
    }

    /** Throws a 409 with the reason in the caller's language when the action is not allowed in the entry's state. */
    void requireAllowed(CreditEntry entry, CreditAction action) {
        CreditWorkflow.refusal(entry.state(), action).ifPresent(code -> {
            throw new ConflictException(code, refusalText(entry, action, code));
        });
    }

    String refusalText(CreditEntry entry, CreditAction action, String code) {
        Locale locale = LocaleContextHolder.getLocale();
        String state = messages.getMessage("credit.state." + entry.state(), null, entry.state().name(), locale);
        String verb = messages.getMessage("credit.action." + action, null, action.name(), locale);
        return messages.getMessage(code, new Object[] {entry.id(), state, verb}, code, locale);
    }

    String text(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    void audit(String action, CreditEntry before, CreditEntry after, String reason) {
        audit.record(new Change(action, ENTITY, String.valueOf(after.id()), after.ownerTeamId(), after.ownerRepId(),
                before == null ? null : snapshot(before), snapshot(after), reason));
    }

    static Map<String, Object> snapshot(CreditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dealId", e.dealId());
        m.put("kind", e.kind().name());
        m.put("state", e.state().name());
        m.put("amount", e.amount().amount().toPlainString());
        m.put("currency", e.amount().currency());
        m.put("wonOn", e.wonOn().toString());
        m.put("policy", e.policy().name());
        m.put("evidence", e.evidence());
        m.put("shares", e.shares().stream().map(s -> Map.of("repId", s.repId(), "rep", s.repName(),
                "percent", s.percent().toPlainString(), "amount", s.amount().toPlainString())).toList());
        m.put("version", e.version());
        return m;
    }

    void toManagers(CreditEntry e) {
        notifications.toManagersOf(e.ownerTeamId(), notice("creditSubmitted", e, e.ownerName()));
    }

    void toFinance(CreditEntry e) {
        Notice notice = notice("creditApproved", e, e.ownerName());
        List<User> finance = users.list(Viewer.system()).stream().filter(u -> u.role() == Role.FINANCE && u.enabled()).toList();
        finance.forEach(u -> notifications.toUser(u.id(), notice));
    }

    void toOwner(String kind, CreditEntry e, String reason) {
        notifications.toRep(e.ownerRepId(), notice(kind, e, reason == null ? "" : reason));
    }

    /** To every rep with a share (the owner included), once the credit counts. */
    void toShareholders(String kind, CreditEntry e) {
        e.shares().stream().map(CreditShare::repId).distinct()
                .forEach(rep -> notifications.toRep(rep, notice(kind, e, shareOf(e, rep))));
    }

    private static String shareOf(CreditEntry e, long rep) {
        return e.shares().stream().filter(s -> s.repId() == rep).findFirst().map(s -> s.amount().toPlainString()).orElse("0");
    }

    private static Notice notice(String kind, CreditEntry e, String extra) {
        return Notice.of(kind, "/credit/queue", e.dealName(), e.amount().toString(), extra);
    }

    static boolean isFinance(Viewer viewer) {
        return viewer.role() == Role.FINANCE;
    }

    static boolean approves(Viewer viewer) {
        return viewer.role() == Role.MANAGER || viewer.role() == Role.DIRECTOR || viewer.role() == Role.ADMIN;
    }
}
