package dev.fairlead.intake;

import dev.fairlead.common.ConflictException;
import dev.fairlead.common.ForbiddenException;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.intake.persistence.IdempotencyRepository;
import dev.fairlead.leads.BatchOutcome;
import dev.fairlead.leads.DuplicatePolicy;
import dev.fairlead.leads.IntakeOutcome;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leads arriving over HTTP with an idempotency key. A single lead is claimed, validated,
 * de-duplicated, stored, scored and routed in one transaction with its key, so a retry (or a
 * concurrent duplicate, which waits on the key) gets the first response and creates nothing. A
 * batch claims its key first and then commits its items {@value #CHUNK} at a time, set-based, each
 * with an item key of its own: a retried or concurrent batch reuses every finished item, and no
 * chunk holds routing's locks for long.
 */
@Service
public class LeadIntake {

    public static final int MAX_BATCH = 1000;
    /** Items of a batch stored together in one transaction. */
    static final int CHUNK = 100;
    private static final Logger log = LoggerFactory.getLogger(LeadIntake.class);

    /** One item of a batch: the lead as sent, or why it could not even be read. */
    public record BatchItem(LeadCommand command, InvalidInputException unreadable) {}

    private final LeadService leads;
    private final IdempotencyRepository keys;
    private final ProblemText problems;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate nested;

    LeadIntake(LeadService leads, IdempotencyRepository keys, ProblemText problems, JsonMapper json, Clock clock,
            PlatformTransactionManager transactions) {
        this.leads = leads;
        this.keys = keys;
        this.problems = problems;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Takes one lead under {@code key} for {@code owner} (the caller). Invalid input throws and stores
     * nothing, so a retry is checked again; a stored outcome is replayed as it was.
     */
    public IntakeResponse submitOne(Viewer viewer, String owner, String key, String channel, LeadCommand cmd,
            DuplicatePolicy override) {
        requireMayCreate(viewer);
        String hash = hash("lead|" + override + "|" + json.writeValueAsString(cmd));
        return tx.execute(status -> {
            IdempotencyRepository.Stored stored = keys.claim(owner, checked(key), "lead", hash, clock.instant());
            if (!stored.endpoint().equals("lead") || !stored.requestHash().equals(hash)) {
                throw new ConflictException("idempotency.mismatch", "Idempotency-Key '" + key
                        + "' was already used for a different request; use a new key for a new lead");
            }
            if (stored.responseStatus() != null) {
                return new IntakeResponse(stored.responseStatus(), stored.responseBody(), true);
            }
            IntakeOutcome outcome = leads.intake(viewer, cmd, override, channel);
            int code = outcome instanceof IntakeOutcome.Merged ? 200 : 201;
            String body = json.writeValueAsString(ItemResult.of(0, outcome));
            keys.complete(owner, key, code, body, clock.instant());
            return new IntakeResponse(code, body, false);
        });
    }

    /** Takes up to {@value #MAX_BATCH} leads under one key; every item gets a result, an invalid one is rejected alone. */
    public IntakeResponse submitBatch(Viewer viewer, String owner, String key, String channel, List<BatchItem> items,
            String canonicalBody, DuplicatePolicy override, Locale locale) {
        requireMayCreate(viewer);
        if (items.isEmpty() || items.size() > MAX_BATCH) {
            throw InvalidInputException.of("leads", "intake.batch.size", MAX_BATCH);
        }
        String hash = hash("batch|" + override + "|" + canonicalBody);
        IdempotencyRepository.Stored stored = tx.execute(s -> keys.claim(owner, checked(key), "batch", hash, clock.instant()));
        if (!stored.endpoint().equals("batch") || !stored.requestHash().equals(hash)) {
            throw new ConflictException("idempotency.mismatch", "Idempotency-Key '" + key
                    + "' was already used for a different request; use a new key for a new batch");
        }
        if (stored.responseStatus() != null) {
            return new IntakeResponse(stored.responseStatus(), stored.responseBody(), true);
        }
        List<ItemResult> results = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += CHUNK) {
            results.addAll(chunk(viewer, owner, key, from, items.subList(from, Math.min(items.size(), from + CHUNK)), channel, override, locale));
        }
        String body = json.writeValueAsString(BatchResult.of(results));
        IdempotencyRepository.Stored done = tx.execute(s -> keys.complete(owner, key, 200, body, clock.instant()));
        return new IntakeResponse(done.responseStatus(), done.responseBody(), !done.responseBody().equals(body));
    }

    /**
     * Items {@code first} … of a batch in one transaction, set-based ({@link LeadService#intakeAll}:
     * the same outcomes as one at a time, far fewer statements), with their item keys. Items that
     * cannot be read or fail validation are rejected alone; should the chunk still fail (something
     * validation could not foresee), its items are redone one by one, each in its own transaction.
     */
    private List<ItemResult> chunk(Viewer viewer, String owner, String key, int first, List<BatchItem> items, String channel,
            DuplicatePolicy override, Locale locale) {
        try {
            return tx.execute(s -> chunkSetBased(viewer, owner, key, first, items, channel, override, locale));
        } catch (RuntimeException e) {
            log.warn("Batch {}: items {}–{} failed together; storing them one by one", key, first, first + items.size() - 1, e);
            List<ItemResult> results = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                results.add(item(viewer, owner, key, first + i, items.get(i), channel, override, locale));
            }
            return results;
        }
    }

    private List<ItemResult> chunkSetBased(Viewer viewer, String owner, String key, int first, List<BatchItem> items, String channel,
            DuplicatePolicy override, Locale locale) {
        List<Integer> indexes = java.util.stream.IntStream.range(first, first + items.size()).boxed().toList();
        Map<Integer, String> earlier = keys.claimItems(owner, key, indexes);
        ItemResult[] results = new ItemResult[items.size()];
        List<Integer> valid = new ArrayList<>();
        List<LeadCommand> commands = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int index = first + i;
            BatchItem item = items.get(i);
            if (earlier.containsKey(index)) {
                results[i] = json.readValue(earlier.get(index), ItemResult.class);
            } else if (item.unreadable() != null) {
                results[i] = ItemResult.rejected(index, problems.errors(item.unreadable(), locale));
            } else {
                try {
                    leads.screen(item.command());
                    commands.add(item.command());
                    valid.add(i);
                } catch (InvalidInputException e) {
                    results[i] = ItemResult.rejected(index, problems.errors(e, locale));
                }
            }
        }
        List<BatchOutcome> outcomes = leads.intakeAll(viewer, commands, override, channel);
        // Scoring and routing ran in this transaction: the leads as they left them.
        Map<Long, Lead> stored = new HashMap<>();
        leads.getAllForSystem(outcomes.stream().map(BatchOutcome::leadId).distinct().toList()).forEach(l -> stored.put(l.id(), l));
        for (int k = 0; k < valid.size(); k++) {
            int i = valid.get(k);
            results[i] = ItemResult.of(first + i, outcomes.get(k), stored.get(outcomes.get(k).leadId()));
        }
        List<Integer> completed = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!earlier.containsKey(first + i)) {
                completed.add(first + i);
                bodies.add(json.writeValueAsString(results[i]));
            }
        }
        keys.completeItems(owner, key, completed, bodies);
        return List.of(results);
    }

    private ItemResult item(Viewer viewer, String owner, String key, int index, BatchItem item, String channel, DuplicatePolicy override,
            Locale locale) {
        return tx.execute(s -> {
            var earlier = keys.claimItem(owner, key, index);
            if (earlier.isPresent()) {
                return json.readValue(earlier.get(), ItemResult.class);
            }
            ItemResult result = item.unreadable() != null
                    ? ItemResult.rejected(index, problems.errors(item.unreadable(), locale))
                    : attempt(index, () -> leads.intake(viewer, item.command(), override, channel), locale);
            keys.completeItem(owner, key, index, json.writeValueAsString(result));
            return result;
        });
    }

    /** Runs one lead in a savepoint, so a rejected lead leaves the item's key and the other items alone. */
    private ItemResult attempt(int index, Supplier<IntakeOutcome> work, Locale locale) {
        try {
            return ItemResult.of(index, nested.execute(s -> work.get()));
        } catch (InvalidInputException e) {
            return ItemResult.rejected(index, problems.errors(e, locale));
        }
    }

    /** Finance reads; every other role may bring in leads (they are routed, whoever sends them). */
    private static void requireMayCreate(Viewer viewer) {
        if (viewer.role() == Role.FINANCE) {
            throw new ForbiddenException("Finance cannot create leads");
        }
    }

    private static String checked(String key) {
        if (key == null || key.isBlank()) {
            throw InvalidInputException.of("Idempotency-Key", "intake.idempotency.required");
        }
        if (key.length() > 200) {
            throw InvalidInputException.of("Idempotency-Key", "intake.idempotency.long");
        }
        return key;
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
