package dev.fairlead.work;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.web.Messages;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.pool.PoolClaims;
import dev.fairlead.routing.ManualAssignment;
import dev.fairlead.routing.RoutingService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * One action on many leads or tasks, record by record through the same audited services a single
 * record goes through (each in its own transaction, so one refusal undoes nothing else), with the
 * same permission checks: a rep acts only on her own. Deliberately not transactional itself.
 */
@Service
public class BulkActions {

    public static final int MAX_IDS = 500;

    /** One record's change; throws what the single-record service throws. */
    private interface Step {
        void apply(long id);
    }

    /** A record left alone on purpose, with the reason's message key. */
    private static final class Skip extends RuntimeException {
        private final String code;

        Skip(String code) {
            super(code, null, false, false);
            this.code = code;
        }
    }

    private final LeadService leads;
    private final RoutingService routing;
    private final PoolClaims claims;
    private final TaskService tasks;
    private final MessageSource messages;

    BulkActions(LeadService leads, RoutingService routing, PoolClaims claims, TaskService tasks, MessageSource messages) {
        this.leads = leads;
        this.routing = routing;
        this.claims = claims;
        this.tasks = tasks;
        this.messages = messages;
    }

    public BulkOutcome onLeads(Viewer viewer, BulkLeadCommand cmd) {
        if (viewer.role() == Role.FINANCE) {
            throw new ForbiddenException("Finance does not act on leads");
        }
        List<FieldProblem> problems = checkIds(cmd.ids());
        if (cmd.action() == null) {
            problems.add(FieldProblem.of("action", "validation.required"));
        }
        if (cmd.action() == BulkLeadAction.ASSIGN && !viewer.role().managesOrganisation()) {
            throw new ForbiddenException("Only managers, directors and administrators assign leads");
        }
        if (cmd.action() == BulkLeadAction.ASSIGN && cmd.repId() == null) {
            problems.add(FieldProblem.of("repId", "validation.required"));
        }
        if (cmd.action() != null && cmd.action() != BulkLeadAction.ADD_TASK && cmd.reason() == null) {
            problems.add(FieldProblem.of("reason", "validation.required"));
        }
        if (cmd.action() == BulkLeadAction.ADD_TASK && cmd.title() == null) {
            problems.add(FieldProblem.of("title", "validation.required"));
        }
        Validation.throwIfAny(problems);
        return each(cmd.ids(), id -> {
            Lead lead = leads.get(viewer, id);
            if (viewer.isRep() && !Objects.equals(viewer.repId(), lead.ownerRepId())) {
                throw new Skip("bulk.skipped.notYours");
            }
            switch (cmd.action()) {
                case ASSIGN -> {
                    if (Objects.equals(lead.ownerRepId(), cmd.repId())) {
                        throw new Skip("bulk.skipped.alreadyOwner");
                    }
                    routing.assign(viewer, id, new ManualAssignment(cmd.repId(), cmd.reason(), false));
                }
                case RELEASE -> {
                    if (lead.ownerRepId() == null) {
                        throw new Skip("bulk.skipped.notOwned");
                    }
                    claims.release(viewer, id, cmd.reason());
                }
                case CLOSE -> {
                    if (!lead.status().isOpen()) {
                        throw new Skip("bulk.skipped.closed");
                    }
                    leads.changeStatus(viewer, id, LeadStatus.LOST, cmd.reason());
                }
                case ADD_TASK -> {
                    if (lead.ownerRepId() == null) {
                        throw new Skip("bulk.skipped.noOwner");
                    }
                    tasks.create(viewer, new TaskCommand(cmd.title(), null, lead.ownerRepId(), null, false, false, cmd.dueAt(),
                            id, null, null));
                }
            }
        });
    }

    /** Marks the tasks done; a rep only her own, a manager those of her scope. */
    public BulkOutcome tasksDone(Viewer viewer, List<Long> ids) {
        List<Long> distinct = ids == null ? List.of() : ids.stream().filter(Objects::nonNull).distinct().toList();
        Validation.throwIfAny(checkIds(distinct));
        return each(distinct, id -> {
            Task task = tasks.get(viewer, id);
            if (viewer.isRep() && !Objects.equals(viewer.repId(), task.ownerRepId())) {
                throw new Skip("bulk.skipped.notYours");
            }
            if (!task.status().isOpen()) {
                throw new Skip("bulk.skipped.closed");
            }
            tasks.changeStatus(viewer, id, TaskStatus.DONE);
        });
    }

    /** "12 done, 2 skipped" in the caller's language. */
    public String summary(BulkOutcome outcome) {
        return messages.getMessage("bulk.summary", new Object[] {outcome.done().size(), outcome.skipped().size()},
                LocaleContextHolder.getLocale());
    }

    /** One line per reason: "not yours: #12, #15". */
    public List<String> skippedLines(BulkOutcome outcome) {
        return outcome.skipped().stream()
                .collect(Collectors.groupingBy(BulkOutcome.Skipped::reason, java.util.LinkedHashMap::new,
                        Collectors.mapping(s -> "#" + s.id(), Collectors.joining(", "))))
                .entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    private static List<FieldProblem> checkIds(List<Long> ids) {
        List<FieldProblem> problems = new ArrayList<>();
        if (ids.isEmpty()) {
            problems.add(FieldProblem.of("ids", "bulk.ids.required"));
        } else if (ids.size() > MAX_IDS) {
            problems.add(FieldProblem.of("ids", "bulk.ids.tooMany", MAX_IDS, ids.size()));
        }
        return problems;
    }

    private BulkOutcome each(List<Long> ids, Step step) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Long> done = new ArrayList<>();
        List<BulkOutcome.Skipped> skipped = new ArrayList<>();
        for (long id : ids) {
            try {
                step.apply(id);
                done.add(id);
            } catch (Skip e) {
                skipped.add(skip(id, e.code, locale));
            } catch (NotFoundException e) {
                skipped.add(skip(id, "bulk.skipped.notFound", locale));
            } catch (ForbiddenException e) {
                skipped.add(skip(id, "bulk.skipped.forbidden", locale));
            } catch (ConflictException e) {
                String text = messages.getMessage(e.code(), null, null, locale);
                skipped.add(new BulkOutcome.Skipped(id, e.code(), text != null ? text
                        : messages.getMessage("bulk.skipped.conflict", null, locale)));
            } catch (InvalidInputException e) {
                skipped.add(new BulkOutcome.Skipped(id, "bulk.skipped.invalid", e.problems().stream()
                        .map(p -> Messages.resolve(messages, p, locale)).collect(Collectors.joining("; "))));
            }
        }
        return new BulkOutcome(done, skipped);
    }

    private BulkOutcome.Skipped skip(long id, String code, Locale locale) {
        return new BulkOutcome.Skipped(id, code, messages.getMessage(code, null, locale));
    }
}
