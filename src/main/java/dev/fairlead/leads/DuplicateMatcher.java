package dev.fairlead.leads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The duplicate lookup of {@link LeadService#intake} done in memory for a whole chunk of incoming
 * leads: the open, unflagged leads already stored that share a key with any incoming lead are loaded
 * once, and every incoming lead, in order, is matched against them and against the leads created
 * earlier in the same chunk, exactly as if each had been taken in its own turn: a phone or e-mail
 * match wins over company and contact; among equals the oldest lead (then the lowest id) wins; a
 * merged lead gains the keys it did not have; a flagged lead is not a candidate; a lead outside the
 * submitter's scope is never merged into (the incoming lead is flagged against it). The chunk's own
 * new leads count as in scope: they are the submitter's own.
 */
final class DuplicateMatcher {

    /** An open, unflagged lead that incoming leads may match; {@code inScope}: the submitter may see it. */
    record Candidate(long id, String phoneKey, String emailKey, String companyKey, String contactName, Instant createdAt,
            boolean inScope) {}

    /** What to do with one incoming lead. */
    sealed interface Decision {}

    record Create(Long duplicateOf, DuplicateMatch match, boolean inScope) implements Decision {}

    record Merge(long into, DuplicateMatch match) implements Decision {}

    private static final Comparator<Entry> OLDEST = Comparator.comparing((Entry e) -> e.createdAt).thenComparingLong(e -> e.id);

    private static final class Entry {
        final long id;
        final Instant createdAt;
        final String contact;
        final boolean inScope;
        String phoneKey;
        String emailKey;
        String companyKey;

        Entry(Candidate c) {
            this.id = c.id();
            this.createdAt = c.createdAt();
            this.contact = lower(c.contactName());
            this.inScope = c.inScope();
            this.phoneKey = c.phoneKey();
            this.emailKey = c.emailKey();
            this.companyKey = c.companyKey();
        }
    }

    private final Map<String, List<Entry>> byPhone = new HashMap<>();
    private final Map<String, List<Entry>> byEmail = new HashMap<>();
    private final Map<String, List<Entry>> byCompany = new HashMap<>();
    private final DuplicateRules rules;
    private final DuplicatePolicy override;

    DuplicateMatcher(List<Candidate> stored, DuplicateRules rules, DuplicatePolicy override) {
        this.rules = rules;
        this.override = override;
        stored.forEach(c -> add(new Entry(c)));
    }

    /**
     * Decides for the next incoming lead, which will get {@code newId} and {@code createdAt} if it is
     * stored, and remembers the outcome for the leads after it.
     */
    Decision next(long newId, Instant createdAt, String phoneKey, String emailKey, String companyKey, String contactName) {
        Entry byContact = oldest(byPhone.get(phoneKey), byEmail.get(emailKey));
        Entry match = byContact;
        DuplicateMatch kind = null;
        if (byContact != null) {
            kind = phoneKey != null && phoneKey.equals(byContact.phoneKey) ? DuplicateMatch.PHONE : DuplicateMatch.EMAIL;
        } else if (companyKey != null && contactName != null) {
            String contact = lower(contactName);
            match = oldest(byCompany.getOrDefault(companyKey, List.of()).stream().filter(e -> contact.equals(e.contact)).toList(), null);
            kind = match == null ? null : DuplicateMatch.COMPANY_CONTACT;
        }
        if (match == null) {
            add(new Entry(new Candidate(newId, phoneKey, emailKey, companyKey, contactName, createdAt, true)));
            return new Create(null, null, true);
        }
        if (!match.inScope || rules.policyFor(kind, override) == DuplicatePolicy.FLAG) {
            return new Create(match.id, kind, match.inScope);
        }
        // The merge fills the keys the existing lead lacked (LeadRepository.fillEmpty coalesces them).
        if (match.phoneKey == null && phoneKey != null) {
            match.phoneKey = phoneKey;
            byPhone.computeIfAbsent(phoneKey, k -> new ArrayList<>()).add(match);
        }
        if (match.emailKey == null && emailKey != null) {
            match.emailKey = emailKey;
            byEmail.computeIfAbsent(emailKey, k -> new ArrayList<>()).add(match);
        }
        if (match.companyKey == null && companyKey != null) {
            match.companyKey = companyKey;
            byCompany.computeIfAbsent(companyKey, k -> new ArrayList<>()).add(match);
        }
        return new Merge(match.id, kind);
    }

    private void add(Entry e) {
        if (e.phoneKey != null) {
            byPhone.computeIfAbsent(e.phoneKey, k -> new ArrayList<>()).add(e);
        }
        if (e.emailKey != null) {
            byEmail.computeIfAbsent(e.emailKey, k -> new ArrayList<>()).add(e);
        }
        if (e.companyKey != null) {
            byCompany.computeIfAbsent(e.companyKey, k -> new ArrayList<>()).add(e);
        }
    }

    private static Entry oldest(List<Entry> a, List<Entry> b) {
        Entry best = null;
        for (List<Entry> list : java.util.Arrays.asList(a, b)) {
            for (Entry e : list == null ? List.<Entry>of() : list) {
                if (best == null || OLDEST.compare(e, best) < 0) {
                    best = e;
                }
            }
        }
        return best;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
