package dev.fairlead.surveys;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.ConflictException;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.common.Viewers;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealService;
import dev.fairlead.leads.Customer;
import dev.fairlead.leads.CustomerService;
import dev.fairlead.notify.Notice;
import dev.fairlead.notify.Notifications;
import dev.fairlead.org.RepService;
import dev.fairlead.surveys.persistence.SurveyRepository;
import dev.fairlead.work.FollowUp;
import dev.fairlead.work.FollowUpKind;
import dev.fairlead.work.FollowUpService;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends satisfaction surveys and takes their answers. A survey is about a won deal or a visit the
 * sender can see (else 404); at most one is open per deal and per visit (an expired one is closed
 * when a new one is made). The link's token is shown once and kept only as its hash
 * ({@link SurveyTokens}); the answer is taken once, before the link expires.
 */
@Service
public class SurveyService {

    public static final int MAX_COMMENT = 1000;

    private final SurveyRepository surveys;
    private final DealService deals;
    private final FollowUpService followUps;
    private final CustomerService customers;
    private final RepService reps;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final SurveysProperties properties;
    private final Clock clock;
    private final String baseUrl;

    SurveyService(SurveyRepository surveys, DealService deals, FollowUpService followUps, CustomerService customers, RepService reps,
            Notifications notifications, AuditTrail audit, ApplicationEventPublisher events, MessageSource messages,
            SurveysProperties properties, Clock clock, @Value("${fairlead.base-url:http://localhost:8080}") String baseUrl) {
        this.surveys = surveys;
        this.deals = deals;
        this.followUps = followUps;
        this.customers = customers;
        this.reps = reps;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** What a survey is about, resolved from the command. */
    private record Subject(Long dealId, Long followUpId, Long customerId, long repId, long teamId, String name, Instant visitedAt) {}

    @Transactional
    public SentSurvey send(Viewer viewer, SurveyCommand cmd) {
        if (viewer.role() == Role.FINANCE) {
            throw new ForbiddenException("Finance does not send surveys");
        }
        String locale = locale(cmd.locale());
        Subject subject = subject(viewer, cmd);
        Instant now = clock.instant();
        Optional<Survey> open = surveys.lockOpen(subject.dealId(), subject.followUpId());
        if (open.isPresent()) {
            if (open.get().stateAt(now) == Survey.State.OPEN) {
                throw new ConflictException("survey.open", text("surveys.error.open"));
            }
            surveys.close(open.get().id(), now);
        }
        Customer customer = subject.customerId() == null ? null
                : customers.get(Viewer.system(), subject.customerId());
        String token = SurveyTokens.newToken();
        long id = surveys.insert(new SurveyRepository.NewSurvey(SurveyTokens.hash(token), subject.dealId(), subject.followUpId(),
                subject.customerId(), subject.repId(), subject.teamId(), subject.name(), subject.visitedAt(),
                customer == null ? null : customer.name(), customer == null ? null : blankToNull(customer.contactName()),
                customer == null ? null : blankToNull(customer.email()), locale, Viewers.actorName(), now,
                now.plus(properties.validity())));
        Survey survey = surveys.find(Viewer.system(), id).orElseThrow();
        String path = "/survey/" + token;
        boolean emailed = survey.email() != null && notifications.toEmail(survey.email(), survey.contactName(),
                Locale.forLanguageTag(locale), Notice.of("survey.request", path,
                        survey.companyName() == null ? "" : survey.companyName(), survey.subjectName(), survey.expiresAt()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("dealId", survey.dealId());
        after.put("followUpId", survey.followUpId());
        after.put("customerId", survey.customerId());
        after.put("repId", survey.repId());
        after.put("contact", survey.contactName());
        after.put("email", emailed ? survey.email() : null);
        after.put("locale", locale);
        after.put("expiresAt", survey.expiresAt().toString());
        audit.record(new Change("SEND", "satisfaction_survey", String.valueOf(id), survey.teamId(), survey.repId(), null, after, null));
        return new SentSurvey(survey, baseUrl + path, emailed);
    }

    @Transactional(readOnly = true)
    public List<Survey> list(Viewer viewer, SurveyQuery query) {
        return surveys.list(viewer, query, 500);
    }

    @Transactional(readOnly = true)
    public Survey get(Viewer viewer, long id) {
        return surveys.find(viewer, id).orElseThrow(() -> new NotFoundException("survey", id));
    }

    /** What the public page shows for a token; 404 when no survey has it. */
    @Transactional(readOnly = true)
    public PublicSurvey open(String token) {
        return publicView(find(token, false));
    }

    /**
     * Takes the answer to a token's survey: once, while it is open. 404 unknown token, 409 answered
     * already ({@link SurveyClosedException} says which), 410 expired, 400 for a rating outside 1–5 or a
     * comment over {@value #MAX_COMMENT} characters.
     */
    @Transactional
    public PublicSurvey answer(String token, Integer rating, String comment) {
        Survey survey = find(token, true);
        Instant now = clock.instant();
        Survey.State state = survey.stateAt(now);
        if (state != Survey.State.OPEN) {
            throw new SurveyClosedException(state, publicView(survey));
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (rating == null || rating < 1 || rating > 5) {
            throw new InvalidInputException(List.of(FieldProblem.of("rating", "surveys.error.rating")));
        }
        if (text != null && text.length() > MAX_COMMENT) {
            throw new InvalidInputException(List.of(FieldProblem.of("comment", "surveys.error.comment", MAX_COMMENT)));
        }
        if (!surveys.answer(survey.id(), rating, text, now)) {
            throw new SurveyClosedException(Survey.State.ANSWERED, publicView(survey));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rating", rating);
        after.put("comment", text);
        audit.record(new Change("ANSWER", "satisfaction_survey", String.valueOf(survey.id()), survey.teamId(), survey.repId(), null,
                after, null));
        events.publishEvent(new SurveyAnswered(survey.id(), survey.repId(), survey.dealId(), survey.customerId(), rating, now));
        return publicView(surveys.find(Viewer.system(), survey.id()).orElseThrow());
    }

    private Survey find(String token, boolean lock) {
        if (!SurveyTokens.wellFormed(token)) {
            throw new NotFoundException("survey", "?");
        }
        return surveys.byTokenHash(SurveyTokens.hash(token), lock).orElseThrow(() -> new NotFoundException("survey", "?"));
    }

    private PublicSurvey publicView(Survey s) {
        return new PublicSurvey(s.id(), s.visit(), s.subjectName(), s.visitedAt(), s.companyName(), s.contactName(), s.locale(),
                s.stateAt(clock.instant()), s.rating());
    }

    private Subject subject(Viewer viewer, SurveyCommand cmd) {
        if ((cmd.dealId() == null) == (cmd.followUpId() == null)) {
            throw new InvalidInputException(List.of(FieldProblem.of(cmd.dealId() == null ? "dealId" : "followUpId", "surveys.error.subject")));
        }
        if (cmd.dealId() != null) {
            Deal deal = deals.get(viewer, cmd.dealId());
            if (!deal.won()) {
                throw new InvalidInputException(List.of(FieldProblem.of("dealId", "surveys.error.notWon")));
            }
            return new Subject(deal.id(), null, deal.customerId(), deal.ownerRepId(), deal.ownerTeamId(), deal.name(), null);
        }
        FollowUp f = followUps.get(viewer, cmd.followUpId());
        if (f.kind() != FollowUpKind.VISIT) {
            throw new InvalidInputException(List.of(FieldProblem.of("followUpId", "surveys.error.notVisit")));
        }
        if (f.repId() == null) {
            throw new InvalidInputException(List.of(FieldProblem.of("followUpId", "surveys.error.noRep")));
        }
        long teamId = reps.get(Viewer.system(), f.repId()).teamId();
        String name = f.dealName() != null ? f.dealName() : f.customerName() != null ? f.customerName() : "";
        return new Subject(f.dealId(), f.id(), f.customerId(), f.repId(), teamId, name, f.occurredAt());
    }

    private static String locale(String requested) {
        if (requested == null || requested.isBlank()) {
            return "zh".equals(LocaleContextHolder.getLocale().getLanguage()) ? "zh-CN" : "en";
        }
        if (!"en".equals(requested) && !"zh-CN".equals(requested)) {
            throw new InvalidInputException(List.of(FieldProblem.of("locale", "validation.locale")));
        }
        return requested;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
