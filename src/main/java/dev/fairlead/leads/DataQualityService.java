package dev.fairlead.leads;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.persistence.LeadRepository;
import dev.fairlead.leads.persistence.SetAsideRepository;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data-quality review list: fields set aside at intake ({@link LeadScreening#screen}) on the
 * leads a viewer may see, which a manager corrects (the value, checked like any lead field, is
 * stored where the lead still has none) or dismisses. Everyone reads within their lead scope;
 * managers, directors and admins resolve.
 */
@Service
public class DataQualityService {

    /** One page of open items and how many are open in all. */
    public record Review(long open, List<SetAsideItem> items) {}

    private final SetAsideRepository items;
    private final LeadRepository leads;
    private final LeadService leadService;
    private final LeadScreening screening;
    private final Validator validator;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DataQualityService(SetAsideRepository items, LeadRepository leads, LeadService leadService, LeadScreening screening,
            Validator validator, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.items = items;
        this.leads = leads;
        this.leadService = leadService;
        this.screening = screening;
        this.validator = validator;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Open items on the viewer's leads, newest first; pages start at 0, at most 200 items each. */
    @Transactional(readOnly = true)
    public Review review(Viewer viewer, int page, int size) {
        int limit = size <= 0 ? 50 : Math.min(size, 200);
        List<SetAsideItem> open = items.openVisible(viewer, limit, Math.max(page, 0) * limit).stream().map(DataQualityService::item).toList();
        return new Review(items.countOpenVisible(viewer), open);
    }

    /** Every item of a lead the viewer may see, open ones first. */
    @Transactional(readOnly = true)
    public List<SetAsideItem> forLead(Viewer viewer, long leadId) {
        leadService.get(viewer, leadId);
        return items.forLead(leadId).stream().map(DataQualityService::item).toList();
    }

    /**
     * Corrects or dismisses an open item. A correction must pass the field's checks (a {@code 400}
     * naming {@code value} otherwise) and is stored only where the lead still has no value for the
     * field (a {@code 409} otherwise, e.g. when a later duplicate filled it), and {@link LeadCorrected}
     * lets scoring score the lead again; audited either way.
     */
    @Transactional
    public SetAsideItem resolve(Viewer viewer, long itemId, SetAsideResolution cmd) {
        SetAsideRepository.Row row = items.findLocked(itemId).orElseThrow(() -> new NotFoundException("setAside", itemId));
        Lead lead = leads.findVisible(viewer, row.leadId()).orElseThrow(() -> new NotFoundException("setAside", itemId));
        if (!viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Only managers, directors and admins resolve data-quality items");
        }
        Validation.throwIfAny(Validation.check(validator, cmd));
        if (row.resolution() != null) {
            throw new ConflictException("lead.setAside.resolved", "Item " + itemId + " was already resolved");
        }
        String why = cmd.reason() == null || cmd.reason().isBlank() ? null : cmd.reason().trim();
        String corrected = null;
        if (cmd.action() == SetAsideResolution.Action.CORRECT) {
            corrected = correct(lead, row, cmd.value());
        }
        items.resolve(itemId, cmd.action() == SetAsideResolution.Action.CORRECT ? "CORRECTED" : "DISMISSED", corrected,
                clock.instant(), viewer.username());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("field", row.field());
        before.put("value", row.value());
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("resolution", cmd.action().name());
        after.put("correctedValue", corrected);
        audit.record(new Change("SET_ASIDE_" + cmd.action().name(), "lead", String.valueOf(lead.id()), lead.ownerTeamId(),
                lead.ownerRepId(), before, after, why));
        return item(items.findLocked(itemId).orElseThrow());
    }

    private String correct(Lead lead, SetAsideRepository.Row row, String value) {
        if (row.field().startsWith("behaviours")) {
            throw InvalidInputException.of("action", "lead.setAside.behaviour");
        }
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of("value", "validation.required");
        }
        String trimmed = value.trim();
        LeadCommand withValue;
        try {
            withValue = with(lead, row.field(), trimmed);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("value", "lead.setAside.unreadable", row.field());
        }
        LeadCommand clean;
        try {
            clean = screening.validated(withValue);
        } catch (InvalidInputException e) {
            List<FieldProblem> asValue = e.problems().stream()
                    .map(p -> new FieldProblem(p.field().equals(row.field()) ? "value" : p.field(), p.code(), p.args(), p.message()))
                    .toList();
            throw new InvalidInputException(asValue);
        }
        if (LeadFields.of(lead, row.field()) != null) {
            throw new ConflictException("lead.setAside.filled",
                    "Lead " + lead.id() + " already has a " + row.field() + "; change it on the lead instead");
        }
        leads.lock(lead.id()).orElseThrow();
        leads.fillEmpty(lead.id(), LeadService.newLead(clean, null, lead.createdAt()));
        events.publishEvent(new LeadCorrected(lead.id(), row.field(), clock.instant()));
        return trimmed;
    }

    /** The lead as a command, with {@code field} set to {@code value} (throws IllegalArgumentException for an unreadable enum or number). */
    private static LeadCommand with(Lead l, String field, String value) {
        return new LeadCommand(l.source(),
                pick(field, "company", value, l.company()), l.contactName(), pick(field, "title", value, l.title()),
                pick(field, "phone", value, l.phone()), pick(field, "email", value, l.email()),
                pick(field, "industry", value, l.industry()),
                "companySize".equals(field) ? CompanySize.valueOf(value.toUpperCase(Locale.ROOT)) : l.companySize(),
                pick(field, "provinceCode", value, l.provinceCode()), pick(field, "cityCode", value, l.cityCode()),
                pick(field, "postalCode", value, l.postalCode()), pick(field, "productInterest", value, l.productInterest()),
                "budget".equals(field) ? new BigDecimal(value) : l.budget(), List.of());
    }

    private static String pick(String field, String name, String value, String current) {
        return field.equals(name) ? value : current;
    }

    private static SetAsideItem item(SetAsideRepository.Row r) {
        Locale locale = LocaleContextHolder.getLocale();
        return new SetAsideItem(r.id(), r.leadId(), r.company(), r.contactName(), r.field(), r.value(),
                new SetAside(r.field(), r.value(), r.reasonEn(), r.reasonZh()).reason(locale), r.channel(), r.createdAt(),
                r.resolution(), r.correctedValue(), r.resolvedAt(), r.resolvedBy());
    }
}
