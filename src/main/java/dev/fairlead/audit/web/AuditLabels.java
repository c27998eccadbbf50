package dev.fairlead.audit.web;

import dev.fairlead.common.web.RecordNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An audit entry's words in the reader's language ({@code ${@auditLabels.action(e.action())}}):
 * the action (ASSIGN → 分配), the record type and record (rep 4 → 销售 李娜), a field's name
 * (ownerRepId → 负责销售) and the actor (system → 系统). The trail stores codes; they are turned
 * into words here, when read, from {@code i18n/audit*.properties}. A code without a word is shown
 * as it is (and the language crawl test names it).
 */
@Component("auditLabels")
class AuditLabels {

    /** Fields and record types that hold the id of a rep, team or user, and which. */
    static final Map<String, String> NAMED_IDS = Map.of(
            "ownerRepId", "rep", "repId", "rep", "ownerTeamId", "team", "teamId", "team", "ownerUserId", "user",
            "rep", "rep", "team", "team", "user", "user");

    private final MessageSource messages;
    private final Map<String, RecordNames> names;

    AuditLabels(MessageSource messages, List<RecordNames> names) {
        this.messages = messages;
        this.names = names.stream().collect(Collectors.toUnmodifiableMap(RecordNames::kind, Function.identity(), (a, b) -> a));
    }

    public String action(String action) {
        return text("audit.action." + action, action);
    }

    public String entityType(String entityType) {
        return text("audit.entityType." + entityType, entityType);
    }

    /** "销售 李娜" for a rep, team or user; "线索 #12" for anything else. */
    public String entity(String entityType, String entityId) {
        return entityType(entityType) + " " + entityName(entityType, entityId);
    }

    /** The record's name (李娜) for a rep, team or user, else its number (#12). */
    public String entityName(String entityType, String entityId) {
        return name(NAMED_IDS.get(entityType), entityId).orElse("#" + entityId);
    }

    /**
     * Whether the field's values are what people typed or named (a contact, a title, notes, a rep
     * whose id is shown as her name) rather than words of the application: pages mark those values
     * {@code translate="no"}.
     */
    public boolean isData(String field) {
        return NAMED_IDS.containsKey(field) || DATA_FIELDS.contains(field);
    }

    private static final java.util.Set<String> DATA_FIELDS = java.util.Set.of(
            "name", "title", "notes", "contactName", "contact", "company", "email", "phone", "description", "displayName",
            "username", "customerName", "dealName", "leadLabel", "ownerName", "repName", "teamName", "parentName", "nextStep",
            "lostReason", "reason", "note", "industry", "industries", "products", "productInterest", "languages", "locale",
            "createdBy", "author", "website", "address", "label", "unit", "children", "territories", "city", "cityCode",
            "provinceCode", "postalCode", "message", "secret", "base", "summary", "detail", "prefix", "query");

    public String field(String field) {
        return text("audit.field." + field, field);
    }

    public String actor(String actor) {
        return "system".equals(actor) ? text("audit.actor.system", actor) : actor;
    }

    /** The name of the rep, team or user the field's value is the id of, if the field holds one. */
    Optional<String> nameOf(String field, Object value) {
        return value instanceof Number || value instanceof String ? name(NAMED_IDS.get(field), value.toString()) : Optional.empty();
    }

    private Optional<String> name(String kind, String id) {
        RecordNames source = kind == null ? null : names.get(kind);
        if (source == null || id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return source.name(Long.parseLong(id));
    }

    String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
