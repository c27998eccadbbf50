package dev.fairlead.scoring;

import dev.fairlead.audit.AuditTrail;
import dev.fairlead.audit.Change;
import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.NotFoundException;
import dev.fairlead.common.Validation;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.scoring.domain.Criterion;
import dev.fairlead.scoring.domain.CriterionKind;
import dev.fairlead.scoring.domain.LeadFacts;
import dev.fairlead.scoring.domain.LeadFeatures;
import dev.fairlead.scoring.domain.LogisticRegression;
import dev.fairlead.scoring.domain.ModelTraining;
import dev.fairlead.scoring.domain.PredictiveModel;
import dev.fairlead.scoring.domain.RuleScoring;
import dev.fairlead.scoring.domain.RuleSet;
import dev.fairlead.scoring.domain.ScoreCard;
import dev.fairlead.scoring.persistence.RescoreRepository;
import dev.fairlead.scoring.persistence.ScoringRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Scores leads with the active rule set (called inside the intake transaction, before routing) and
 * manages rule set versions and the predictive model. Rule sets and models are company-wide, so
 * admins and directors change them; everyone reads.
 */
@Service
public class ScoringService {

    private final ScoringRepository repository;
    private final LeadService leads;
    private final AuditTrail audit;
    private final ScoringProperties properties;
    private final Clock clock;
    private final RescoreRepository rescoreRuns;
    private final ApplicationEventPublisher events;
    private final Map<Long, RuleSet> ruleSets = new ConcurrentHashMap<>();

    ScoringService(ScoringRepository repository, LeadService leads, AuditTrail audit, ScoringProperties properties, Clock clock,
            RescoreRepository rescoreRuns, ApplicationEventPublisher events) {
        this.repository = repository;
        this.rescoreRuns = rescoreRuns;
        this.events = events;
        this.leads = leads;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Scores the lead with the active rule set, stores the contributions and writes score and grade onto the lead. */
    @Transactional
    public ScoreCard score(long leadId) {
        Optional<Long> active = activeIdInThisTransaction();
        if (active.isEmpty()) {
            return new ScoreCard(0, "D", List.of());
        }
        RuleSet rules = ruleSets.computeIfAbsent(active.get(), id -> repository.find(id).orElseThrow().rules());
        Instant now = clock.instant();
        ScoreCard card = RuleScoring.score(facts(leads.getForSystem(leadId)), rules, now);
        repository.saveScore(leadId, active.get(), card, now);
        leads.recordScore(leadId, card.score(), card.grade());
        return card;
    }

    /**
     * Scores a chunk of new leads together (read in one query, stored in two statements), exactly as
     * {@link #score} scores each, and remembers them for this transaction so their own
     * {@code LeadCreated} does not score them again.
     */
    @Transactional
    public void scoreAll(List<Long> leadIds) {
        Optional<Long> active = activeIdInThisTransaction();
        if (active.isPresent() && !leadIds.isEmpty()) {
            RuleSet rules = ruleSets.computeIfAbsent(active.get(), id -> repository.find(id).orElseThrow().rules());
            Instant now = clock.instant();
            List<Lead> all = leads.getAllForSystem(leadIds);
            List<Long> ids = all.stream().map(Lead::id).toList();
            List<ScoreCard> cards = all.stream().map(l -> RuleScoring.score(facts(l), rules, now)).toList();
            repository.saveScores(ids, active.get(), cards, now);
            leads.recordScores(ids, cards.stream().map(ScoreCard::score).toList(), cards.stream().map(ScoreCard::grade).toList());
        }
        scoredInThisTransaction().addAll(leadIds);
    }

    private static final Object SCORED_KEY = new Object();

    /** Whether {@link #scoreAll} already scored the lead in the current transaction. */
    boolean alreadyScored(long leadId) {
        return TransactionSynchronizationManager.isSynchronizationActive() && scoredInThisTransaction().contains(leadId);
    }

    @SuppressWarnings("unchecked")
    private Set<Long> scoredInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashSet<>();
        }
        Set<Long> scored = (Set<Long>) TransactionSynchronizationManager.getResource(SCORED_KEY);
        if (scored == null) {
            scored = new HashSet<>();
            TransactionSynchronizationManager.bindResource(SCORED_KEY, scored);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SCORED_KEY);
                }
            });
        }
        return scored;
    }

    private static final Object ACTIVE_KEY = new Object();

    /**
     * The active rule set id, read once per transaction: an import chunk scores hundreds of leads in
     * one transaction, and they should all be scored by the same version anyway.
     */
    @SuppressWarnings("unchecked")
    private Optional<Long> activeIdInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return repository.activeId();
        }
        Optional<Long> cached = (Optional<Long>) TransactionSynchronizationManager.getResource(ACTIVE_KEY);
        if (cached != null) {
            return cached;
        }
        Optional<Long> active = repository.activeId();
        TransactionSynchronizationManager.bindResource(ACTIVE_KEY, active);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(ACTIVE_KEY);
            }
        });
        return active;
    }

    /** The lead's score and contributions, with its predicted chance of winning when a usable model exists. */
    @Transactional(readOnly = true)
    public Optional<LeadScore> scoreOf(Viewer viewer, long leadId) {
        Lead lead = leads.get(viewer, leadId);
        return repository.score(leadId).map(s -> s.withPrediction(predict(lead).orElse(null)));
    }

    private Optional<LeadScore.Prediction> predict(Lead lead) {
        return repository.usableModel().map(m -> {
            Map<String, Double> features = LeadFeatures.of(facts(lead));
            List<LeadScore.Effect> top = m.model().topEffects(features, 3).stream()
                    .map(e -> new LeadScore.Effect(e.feature(), e.effect())).toList();
            return new LeadScore.Prediction(m.id(), m.model().probability(features), top);
        });
    }

    @Transactional(readOnly = true)
    public RuleSetVersion activeRuleSet() {
        return repository.active().orElseThrow(() -> new NotFoundException("scoring rule set", "active"));
    }

    @Transactional(readOnly = true)
    public List<RuleSetVersion> versions() {
        return repository.versions();
    }

    @Transactional(readOnly = true)
    public RuleSetVersion version(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("scoring rule set", id));
    }

    /** A new draft, copied from {@code fromId} (or the active version). */
    @Transactional
    public RuleSetVersion createDraft(Viewer viewer, Long fromId, String note) {
        requireEditor(viewer);
        RuleSet rules = fromId == null ? activeRuleSet().rules() : version(fromId).rules();
        long id = repository.insertDraft(rules, note == null || note.isBlank() ? null : note.trim(), clock.instant(), viewer.username());
        RuleSetVersion draft = version(id);
        audit.record(Change.created("scoring_rule_set", id, null, null, Map.of("version", draft.version(), "from", fromId == null ? "active" : fromId)));
        return draft;
    }

    @Transactional
    public RuleSetVersion updateDraft(Viewer viewer, long id, RuleSet rules, String note) {
        requireEditor(viewer);
        RuleSetVersion before = version(id);
        if (before.status() != RuleSetVersion.Status.DRAFT) {
            throw new dev.fairlead.common.ConflictException("notDraft", "Only a draft can be edited; copy this version into a new draft");
        }
        RuleSet clean = validated(rules);
        repository.updateDraft(id, clean, note == null || note.isBlank() ? null : note.trim());
        RuleSetVersion after = version(id);
        audit.record(Change.updated("scoring_rule_set", id, null, null, before.rules(), after.rules()));
        return after;
    }

    /**
     * Makes the version active (the previous one is retired): new leads are scored with it, and the
     * open leads are re-scored with it in the background ({@link OpenLeadRescoring}). Rolling back =
     * activating an older version.
     */
    @Transactional
    public RuleSetVersion activate(Viewer viewer, long id, String reason) {
        requireEditor(viewer);
        RuleSetVersion target = version(id);
        validated(target.rules());
        RuleSetVersion previous = repository.active().orElse(null);
        repository.activate(id, clock.instant(), viewer.username());
        long rescoreRun = rescoreRuns.start(id, clock.instant(), viewer.username());
        events.publishEvent(new ScoringRuleSetActivated(id, target.version(), rescoreRun));
        audit.record(new Change("ACTIVATE", "scoring_rule_set", String.valueOf(id), null, null,
                previous == null ? null : Map.of("activeVersion", previous.version()), Map.of("activeVersion", target.version()),
                reason == null || reason.isBlank() ? null : reason.trim()));
        return version(id);
    }

    /** Trains the predictive model on closed leads and stores the run's report (also when history is too short). */
    @Transactional
    public ModelReport retrain(String trigger) {
        List<Lead> closed = new ArrayList<>(leads.closedLeads(properties.maximumClosedLeads()));
        closed.sort(Comparator.comparing(Lead::createdAt).thenComparingLong(Lead::id));
        List<LogisticRegression.Example> history = closed.stream()
                .map(l -> new LogisticRegression.Example(LeadFeatures.of(facts(l)), l.status() == LeadStatus.CONVERTED))
                .toList();
        ModelTraining.Report r = ModelTraining.train(history, properties.minimumClosedLeads(), LogisticRegression.Settings.defaults());
        ModelReport report = new ModelReport(0, clock.instant(), trigger, r.closedLeads(), r.won(), r.lost(), r.trainSize(),
                r.testSize(), r.minimumClosed(), r.sufficient(), r.auc(), r.logLoss());
        long id = repository.insertModel(report, r.model());
        return repository.latestReport().filter(x -> x.id() == id).orElse(report);
    }

    /** Retraining asked for by a person. */
    @Transactional
    public ModelReport retrain(Viewer viewer) {
        requireEditor(viewer);
        return retrain("manual:" + viewer.username());
    }

    @Transactional(readOnly = true)
    public Optional<ModelReport> latestReport() {
        return repository.latestReport();
    }

    @Transactional(readOnly = true)
    public List<ModelReport> reports() {
        return repository.reports(20);
    }

    /** The model's weights by feature, strongest first, for the report page. */
    @Transactional(readOnly = true)
    public List<LeadScore.Effect> modelWeights() {
        return repository.usableModel().map(m -> weights(m.model())).orElse(List.of());
    }

    private static List<LeadScore.Effect> weights(PredictiveModel model) {
        List<LeadScore.Effect> effects = new ArrayList<>();
        for (int j = 0; j < model.features().size(); j++) {
            effects.add(new LeadScore.Effect(model.features().get(j), model.weights()[j]));
        }
        effects.sort(Comparator.comparingDouble((LeadScore.Effect e) -> -Math.abs(e.effect())));
        return effects;
    }

    RuleSet validated(RuleSet rules) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rules == null) {
            throw InvalidInputException.of("criteria", "validation.required");
        }
        if (!(rules.gradeA() > rules.gradeB() && rules.gradeB() > rules.gradeC() && rules.gradeC() > 0 && rules.gradeA() <= 100)) {
            problems.add(FieldProblem.of("gradeA", "scoring.grades.order"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.criteria().size(); i++) {
            Criterion c = rules.criteria().get(i);
            String at = "criteria[" + i + "]";
            if (c.id() == null || c.id().isBlank() || !ids.add(c.id())) {
                problems.add(FieldProblem.of(at + ".id", "scoring.criterion.id"));
            }
            if (c.group() == null) {
                problems.add(FieldProblem.of(at + ".group", "validation.required"));
            }
            if (c.kind() == null) {
                problems.add(FieldProblem.of(at + ".kind", "validation.required"));
                continue;
            }
            if (c.label() == null || c.label().isBlank() || c.label().length() > 100) {
                problems.add(FieldProblem.of(at + ".label", "scoring.criterion.label"));
            }
            if (c.points() < -100 || c.points() > 100) {
                problems.add(FieldProblem.of(at + ".points", "scoring.criterion.points"));
            }
            boolean needsValues = c.kind() != CriterionKind.BUDGET_RANGE && c.kind() != CriterionKind.PRODUCT_INTEREST_IN
                    && c.kind() != CriterionKind.BEHAVIOUR;
            if (needsValues && c.values().stream().noneMatch(v -> v != null && !v.isBlank())) {
                problems.add(FieldProblem.of(at + ".values", "scoring.criterion.values"));
            }
            if (c.kind() == CriterionKind.BUDGET_RANGE && (c.min() == null && c.max() == null
                    || c.min() != null && c.max() != null && c.min().compareTo(c.max()) >= 0)) {
                problems.add(FieldProblem.of(at + ".min", "scoring.criterion.range"));
            }
            if (c.kind() == CriterionKind.BEHAVIOUR && c.withinDays() != null && c.withinDays() <= 0) {
                problems.add(FieldProblem.of(at + ".withinDays", "scoring.criterion.days"));
            }
        }
        Validation.throwIfAny(problems);
        return rules;
    }

    private static void requireEditor(Viewer viewer) {
        if (!viewer.role().setsCompanyRules()) {
            throw new ForbiddenException("Only admins and directors change scoring");
        }
    }

    static LeadFacts facts(Lead lead) {
        return new LeadFacts(lead.source() == null ? null : lead.source().name(), lead.industry(),
                lead.companySize() == null ? null : lead.companySize().name(), lead.title(), lead.productInterest(),
                lead.budget(), lead.provinceCode(), lead.cityCode(),
                lead.behaviours().stream().map(b -> new LeadFacts.Event(b.kind().name(), b.occurredAt())).toList());
    }
}
