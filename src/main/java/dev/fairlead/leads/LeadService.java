package dev.fairlead.leads;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.persistence.LeadRepository;
import dev.fairlead.org.ChinaDivisions;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Storing and reading leads within the viewer's scope. Ownership changes go through {@link LeadOwnership}. */
@Service
public class LeadService {

    private final LeadRepository leads;
    private final ChinaDivisions divisions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Validator validator;
    private final Clock clock;

    LeadService(LeadRepository leads, ChinaDivisions divisions, AuditTrail audit, ApplicationEventPublisher events,
            Validator validator, Clock clock) {
        this.leads = leads;
        this.divisions = divisions;
        this.audit = audit;
        this.events = events;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Lead get(Viewer viewer, long id) {
        return leads.findVisible(viewer, id).orElseThrow(() -> new NotFoundException("lead", id));
    }

    /** Any lead by id, for modules acting on behalf of the system (routing, scheduled jobs). */
    @Transactional(readOnly = true)
    public Lead getForSystem(long id) {
        return leads.find(id).orElseThrow(() -> new NotFoundException("lead", id));
    }

    @Transactional(readOnly = true)
    public List<Lead> list(Viewer viewer, LeadQuery q) {
        return leads.findVisible(viewer, new LeadRepository.Filter(q.status(), q.ownerRepId(), q.teamId(), q.text(),
                q.pooled(), q.size(), q.page() * q.size()));
    }

    /**
     * Validates and stores a new lead, then publishes {@link LeadCreated} so routing assigns it.
     * Throws {@link dev.fairlead.common.InvalidInputException} listing every problem; nothing is stored then.
     */
    @Transactional
    public Lead create(LeadCommand cmd) {
        LeadCommand clean = validated(cmd);
        long id = leads.insert(new LeadRepository.NewLead(clean.source(), clean.company(), clean.contactName(),
                clean.title(), clean.phone(), clean.email(), clean.industry(), clean.companySize(), clean.provinceCode(),
                clean.cityCode(), clean.postalCode(), clean.productInterest(), clean.budget(), LeadKeys.phone(clean.phone()),
                LeadKeys.email(clean.email()), LeadKeys.company(clean.company()), clock.instant()));
        leads.addBehaviours(id, clean.behaviours());
        Lead created = leads.find(id).orElseThrow();
        audit.record(Change.created("lead", id, null, null, created));
        events.publishEvent(new LeadCreated(id, created.createdAt()));
        return created;
    }

    /** Checks every field; returns the command with province and city in canonical six-digit form. */
    public LeadCommand validated(LeadCommand cmd) {
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        String province = cmd.provinceCode();
        String city = cmd.cityCode();
        if (province != null) {
            province = divisions.canonicalProvince(province).orElse(null);
            if (province == null) {
                problems.add(FieldProblem.of("provinceCode", "lead.province.unknown", cmd.provinceCode()));
            }
        }
        if (city != null) {
            city = divisions.canonicalCity(city).orElse(null);
            if (city == null) {
                problems.add(FieldProblem.of("cityCode", "lead.city.unknown", cmd.cityCode()));
            } else if (province == null && cmd.provinceCode() == null) {
                province = city.substring(0, 2) + "0000";
            } else if (province != null && !city.startsWith(province.substring(0, 2))) {
                problems.add(FieldProblem.of("cityCode", "lead.city.notInProvince", cmd.cityCode()));
            }
        }
        if (cmd.phone() == null && cmd.email() == null) {
            problems.add(FieldProblem.of("phone", "lead.contact.required"));
        }
        Validation.throwIfAny(problems);
        return new LeadCommand(cmd.source(), cmd.company(), cmd.contactName(), cmd.title(), cmd.phone(), cmd.email(),
                cmd.industry(), cmd.companySize(), province, city, cmd.postalCode(), cmd.productInterest(), cmd.budget(),
                cmd.behaviours());
    }
}
