package dev.fairlead.leads.persistence;

import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Behaviour;
import dev.fairlead.leads.BehaviourKind;
import dev.fairlead.leads.CompanySize;
import dev.fairlead.leads.DuplicateMatch;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.leads.LeadStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LeadRepository {

    /** The columns a new lead is stored with; keys are the normalised phone, e-mail and company used to find duplicates. */
    public record NewLead(LeadSource source, String company, String contactName, String title, String phone,
            String email, String industry, CompanySize companySize, String provinceCode, String cityCode,
            String postalCode, String productInterest, java.math.BigDecimal budget, String phoneKey, String emailKey,
            String companyKey, Instant createdAt, Long duplicateOf) {}

    /** An open lead the incoming one matches, and on which key. */
    public record DuplicateCandidate(long id, DuplicateMatch match) {}

    /** Filters for lead lists; null means any. */
    public record Filter(LeadStatus status, Long ownerRepId, Long teamId, String text, Boolean pooled, Boolean duplicates,
            int limit, int offset) {}

    /** Lead row as locked for an ownership change. */
    public record Locked(long id, Long ownerRepId, Long poolId, LeadStatus status) {}

    public static final String SCOPE = "(:all OR l.owner_team_id IN (SELECT team_subtree(:scopeTeam)) OR l.owner_rep_id = :scopeRep)";
    private static final String SELECT = "SELECT l.*, r.name AS owner_name FROM lead l LEFT JOIN rep r ON r.id = l.owner_rep_id";
    /**
     * {@link #SELECT} for a viewer ({@link #scope} parameters): a lead flagged as a possible duplicate
     * of a lead outside the viewer's scope does not name that lead (its id stays unknown to them).
     */
    static final String SELECT_VISIBLE = """
            SELECT l.*, r.name AS owner_name,
                   CASE WHEN l.duplicate_of IS NULL OR :all OR EXISTS (SELECT 1 FROM lead d WHERE d.id = l.duplicate_of
                            AND (d.owner_team_id IN (SELECT team_subtree(:scopeTeam)) OR d.owner_rep_id = :scopeRep))
                        THEN l.duplicate_of END AS shown_duplicate_of
            FROM lead l LEFT JOIN rep r ON r.id = l.owner_rep_id""";

    private final JdbcClient jdbc;
    private final FreshLeads fresh;

    LeadRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.fresh = new FreshLeads(dataSource);
    }

    /**
     * Remembers a lead this transaction has just inserted (with its behaviours), so reading or locking
     * it again in this transaction costs no statement (decision 0211). {@code lead} is the lead as
     * inserted; it is kept as the database stores it (budget at the column's scale, behaviours in the
     * order {@link #find} reads them). A lead with a value the database would round (a budget below a
     * cent, a time below a microsecond) is not remembered, so it is read back as stored.
     */
    public void remember(Lead lead) {
        boolean exact = (lead.budget() == null || lead.budget().scale() <= 2)
                && lead.createdAt().getNano() % 1000 == 0
                && lead.behaviours().stream().allMatch(b -> b.occurredAt().getNano() % 1000 == 0);
        if (!exact) {
            return;
        }
        List<Behaviour> behaviours = lead.behaviours().stream().sorted(java.util.Comparator.comparing(Behaviour::occurredAt)).toList();
        BigDecimal budget = lead.budget() == null ? null : lead.budget().setScale(2);
        fresh.put(new Lead(lead.id(), lead.source(), lead.company(), lead.contactName(), lead.title(), lead.phone(), lead.email(),
                lead.industry(), lead.companySize(), lead.provinceCode(), lead.cityCode(), lead.postalCode(), lead.productInterest(),
                budget, lead.status(), lead.ownerRepId(), lead.ownerName(), lead.ownerTeamId(), lead.poolId(), lead.score(),
                lead.grade(), lead.locked(), lead.duplicateOf(), lead.createdAt(), lead.assignedAt(), lead.firstContactAt(),
                lead.lastFollowUpAt(), behaviours, lead.version()));
    }

    /** Something outside this repository wrote the lead's row: read it from the database again in this transaction. */
    public void forget(long id) {
        fresh.forget(id);
    }

    /**
     * The lead list's filter after {@link #SCOPE}: the list page, the API list and the export all run
     * exactly this (with {@link #listParams}), so an export holds exactly the rows the list shows.
     */
    public static final String LIST_WHERE = " WHERE " + SCOPE + """
             AND (CAST(:status AS text) IS NULL OR l.status = :status)
             AND (CAST(:owner AS bigint) IS NULL OR l.owner_rep_id = :owner)
             AND (CAST(:team AS bigint) IS NULL OR l.owner_team_id IN (SELECT team_subtree(:team)))
             AND (CAST(:pattern AS text) IS NULL OR l.company ILIKE :pattern OR l.contact_name ILIKE :pattern
                  OR l.email ILIKE :pattern OR l.phone LIKE :pattern
                  OR (CAST(:digits AS text) IS NOT NULL AND regexp_replace(l.phone, '[^0-9]', '', 'g') LIKE :digits))
             AND (CAST(:pooled AS boolean) IS NULL OR (l.pool_id IS NOT NULL) = :pooled)
             AND (CAST(:duplicates AS boolean) IS NULL OR (l.duplicate_of IS NOT NULL) = :duplicates)
             AND (CAST(:duplicates AS boolean) IS NOT TRUE OR l.status NOT IN ('CONVERTED', 'LOST'))
            """;
    public static final String LIST_ORDER = "l.created_at DESC, l.id DESC";

    /** Parameters of {@link #LIST_WHERE}: the viewer's scope and the filter (limit and offset are the caller's). */
    public static Map<String, Object> listParams(Viewer viewer, Filter f) {
        dev.fairlead.common.SearchTerms text = dev.fairlead.common.SearchTerms.filter(f.text());
        Map<String, Object> p = new HashMap<>(scope(viewer));
        p.put("status", f.status() == null ? null : f.status().name());
        p.put("owner", f.ownerRepId());
        p.put("team", f.teamId());
        p.put("pattern", text == null ? null : text.pattern());
        p.put("digits", text == null ? null : text.digitsPattern());
        p.put("pooled", f.pooled());
        p.put("duplicates", f.duplicates());
        return p;
    }

    public static Map<String, Object> scope(Viewer viewer) {
        return Map.of("all", viewer.seesAll(), "scopeTeam", viewer.scopeTeamId(), "scopeRep", viewer.scopeRepId());
    }

    public long insert(NewLead lead) {
        return jdbc.sql("""
                        INSERT INTO lead (source, company, contact_name, title, phone, email, industry, company_size,
                                          province_code, city_code, postal_code, product_interest, budget,
                                          phone_key, email_key, company_key, created_at, duplicate_of)
                        VALUES (:source, :company, :contact, :title, :phone, :email, :industry, :size, :province, :city,
                                :postal, :product, :budget, :phoneKey, :emailKey, :companyKey, :created, :duplicateOf)
                        RETURNING id
                        """)
                .params(fields(lead))
                .param("source", lead.source().name())
                .param("contact", lead.contactName())
                .param("created", Timestamp.from(lead.createdAt()))
                .param("duplicateOf", lead.duplicateOf())
                .query(Long.class)
                .single();
    }

    /** The lead's fields and duplicate keys as named parameters, shared by insert and merge (values may be null). */
    private static Map<String, Object> fields(NewLead lead) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("company", lead.company());
        p.put("title", lead.title());
        p.put("phone", lead.phone());
        p.put("email", lead.email());
        p.put("industry", lead.industry());
        p.put("size", lead.companySize() == null ? null : lead.companySize().name());
        p.put("province", lead.provinceCode());
        p.put("city", lead.cityCode());
        p.put("postal", lead.postalCode());
        p.put("product", lead.productInterest());
        p.put("budget", lead.budget());
        p.put("phoneKey", lead.phoneKey());
        p.put("emailKey", lead.emailKey());
        p.put("companyKey", lead.companyKey());
        return p;
    }

    /** {@code count} fresh lead ids, so a chunk's leads can reference each other before they are stored. */
    public List<Long> nextIds(int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('lead', 'id')) FROM generate_series(1, :n)")
                .param("n", count).query(Long.class).list();
    }

    /** Stores many new leads in one statement, each with its id from {@link #nextIds}; all were created at {@code createdAt}. */
    public void insertAll(List<Long> ids, List<NewLead> leads) {
        if (leads.isEmpty()) {
            return;
        }
        int n = leads.size();
        Object[][] c = new Object[17][n];
        for (int i = 0; i < n; i++) {
            NewLead l = leads.get(i);
            c[0][i] = ids.get(i);
            c[1][i] = l.source().name();
            c[2][i] = l.company();
            c[3][i] = l.contactName();
            c[4][i] = l.title();
            c[5][i] = l.phone();
            c[6][i] = l.email();
            c[7][i] = l.industry();
            c[8][i] = l.companySize() == null ? null : l.companySize().name();
            c[9][i] = l.provinceCode();
            c[10][i] = l.cityCode();
            c[11][i] = l.postalCode();
            c[12][i] = l.productInterest();
            c[13][i] = l.budget();
            c[14][i] = l.phoneKey();
            c[15][i] = l.emailKey();
            c[16][i] = l.companyKey();
        }
        Object[] created = leads.stream().map(l -> Timestamp.from(l.createdAt())).toArray();
        Object[] duplicateOf = leads.stream().map(NewLead::duplicateOf).toArray();
        jdbc.sql("""
                        INSERT INTO lead (id, source, company, contact_name, title, phone, email, industry, company_size,
                                          province_code, city_code, postal_code, product_interest, budget,
                                          phone_key, email_key, company_key, created_at, duplicate_of)
                        SELECT * FROM unnest(:id, :source, :company, :contact, :title, :phone, :email, :industry, :size,
                                             :province, :city, :postal, :product, :budget, :phoneKey, :emailKey,
                                             :companyKey, :created, :duplicateOf)
                        """)
                .param("id", array("bigint", c[0])).param("source", array("varchar", c[1])).param("company", array("varchar", c[2]))
                .param("contact", array("varchar", c[3])).param("title", array("varchar", c[4])).param("phone", array("varchar", c[5]))
                .param("email", array("varchar", c[6])).param("industry", array("varchar", c[7])).param("size", array("varchar", c[8]))
                .param("province", array("varchar", c[9])).param("city", array("varchar", c[10])).param("postal", array("varchar", c[11]))
                .param("product", array("varchar", c[12])).param("budget", array("numeric", c[13]))
                .param("phoneKey", array("varchar", c[14])).param("emailKey", array("varchar", c[15]))
                .param("companyKey", array("varchar", c[16])).param("created", array("timestamptz", created))
                .param("duplicateOf", array("bigint", duplicateOf))
                .update();
    }

    /** Stores the behaviour events of many leads in one statement ({@code leadIds} and {@code behaviours} side by side). */
    public void addBehavioursAll(List<Long> leadIds, List<Behaviour> behaviours) {
        if (behaviours.isEmpty()) {
            return;
        }
        leadIds.forEach(fresh::forget);
        jdbc.sql("INSERT INTO lead_behaviour (lead_id, kind, detail, occurred_at) SELECT * FROM unnest(:lead, :kind, :detail, :at)")
                .param("lead", array("bigint", leadIds.toArray()))
                .param("kind", array("varchar", behaviours.stream().map(b -> b.kind().name()).toArray()))
                .param("detail", array("varchar", behaviours.stream().map(Behaviour::detail).toArray()))
                .param("at", array("timestamptz", behaviours.stream().map(b -> Timestamp.from(b.occurredAt())).toArray()))
                .update();
    }

    /** A stored open, unflagged lead sharing a key with incoming leads, with what duplicate matching compares. */
    public record KeyedLead(long id, String phoneKey, String emailKey, String companyKey, String contactName, Instant createdAt) {}

    /** Every open, unflagged lead with one of these phone, e-mail or company keys (the duplicate candidates of a chunk). */
    public List<KeyedLead> openWithKeys(List<String> phoneKeys, List<String> emailKeys, List<String> companyKeys) {
        if (phoneKeys.isEmpty() && emailKeys.isEmpty() && companyKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, phone_key, email_key, company_key, contact_name, created_at FROM lead
                        WHERE duplicate_of IS NULL AND status NOT IN ('CONVERTED', 'LOST')
                          AND (phone_key = ANY(:phones) OR email_key = ANY(:emails) OR company_key = ANY(:companies))
                        """)
                .param("phones", array("varchar", phoneKeys.toArray()))
                .param("emails", array("varchar", emailKeys.toArray()))
                .param("companies", array("varchar", companyKeys.toArray()))
                .query((rs, n) -> new KeyedLead(rs.getLong("id"), rs.getString("phone_key"), rs.getString("email_key"),
                        rs.getString("company_key"), rs.getString("contact_name"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static Object array(String type, Object[] values) {
        return new org.springframework.jdbc.core.support.AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(java.sql.Connection con, int sqlType, String typeName) throws SQLException {
                return con.createArrayOf(type, values);
            }
        };
    }

    public void addBehaviours(long leadId, List<Behaviour> behaviours) {
        fresh.forget(leadId);
        for (Behaviour b : behaviours) {
            jdbc.sql("INSERT INTO lead_behaviour (lead_id, kind, detail, occurred_at) VALUES (:lead, :kind, :detail, :at)")
                    .param("lead", leadId)
                    .param("kind", b.kind().name())
                    .param("detail", b.detail())
                    .param("at", Timestamp.from(b.occurredAt()))
                    .update();
        }
    }

    /** One lead with its behaviour events, in a single query (this runs several times per incoming lead). */
    public Optional<Lead> find(long id) {
        Lead known = fresh.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        return findWithBehaviours(id, "");
    }

    /** {@link #find}, locking the lead's row until the end of the transaction (the read and the lock in one statement). */
    public Optional<Lead> findLocked(long id) {
        Lead known = fresh.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        return findWithBehaviours(id, " FOR UPDATE OF l");
    }

    private Optional<Lead> findWithBehaviours(long id, String lock) {
        return jdbc.sql("""
                        SELECT l.*, r.name AS owner_name,
                               ARRAY(SELECT b.kind || '|' || (extract(epoch FROM b.occurred_at) * 1000000)::bigint || '|' || coalesce(b.detail, '')
                                     FROM lead_behaviour b WHERE b.lead_id = l.id ORDER BY b.occurred_at, b.id) AS behaviour_rows
                        FROM lead l LEFT JOIN rep r ON r.id = l.owner_rep_id WHERE l.id = :id
                        """ + lock)
                .param("id", id)
                .query((rs, n) -> copyWith(lead(rs, n), behaviours((String[]) rs.getArray("behaviour_rows").getArray())))
                .optional();
    }

    private static List<Behaviour> behaviours(String[] rows) {
        List<Behaviour> behaviours = new ArrayList<>(rows.length);
        for (String row : rows) {
            String[] parts = row.split("\\|", 3);
            long micros = Long.parseLong(parts[1]);
            behaviours.add(new Behaviour(BehaviourKind.valueOf(parts[0]), parts[2].isEmpty() ? null : parts[2],
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)));
        }
        return behaviours;
    }

    public Optional<Lead> findVisible(Viewer viewer, long id) {
        return jdbc.sql(SELECT_VISIBLE + " WHERE l.id = :id AND " + SCOPE).params(scope(viewer)).param("id", id)
                .query(LeadRepository::visibleLead).optional()
                .map(l -> withBehaviours(List.of(l)).get(0));
    }

    /** Those of {@code ids} the viewer may see. */
    public Set<Long> visibleIds(Viewer viewer, Collection<Long> ids) {
        if (viewer.seesAll() || ids.isEmpty()) {
            return Set.copyOf(ids);
        }
        return Set.copyOf(jdbc.sql("SELECT l.id FROM lead l WHERE l.id = ANY(:ids) AND " + SCOPE).params(scope(viewer))
                .param("ids", array("bigint", ids.toArray())).query(Long.class).list());
    }

    /** The name of the team that owns the lead, if a team does. */
    public Optional<String> ownerTeamName(long leadId) {
        return jdbc.sql("SELECT t.name FROM lead l JOIN team t ON t.id = l.owner_team_id WHERE l.id = :id").param("id", leadId)
                .query(String.class).optional();
    }

    public List<Lead> findVisible(Viewer viewer, Filter f) {
        List<Lead> leads = jdbc.sql(SELECT_VISIBLE + LIST_WHERE + " ORDER BY " + LIST_ORDER + " LIMIT :limit OFFSET :offset")
                .params(listParams(viewer, f))
                .param("limit", f.limit())
                .param("offset", f.offset())
                .query(LeadRepository::visibleLead)
                .list();
        return withBehaviours(leads);
    }

    /**
     * Serialises intake of leads sharing a phone, e-mail or company key until the transaction ends,
     * so two nodes receiving the same person at once cannot both miss each other's lead.
     */
    public void lockKeys(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        // Always in ascending order, so two transactions locking overlapping keys cannot deadlock.
        List<Long> hashes = keys.stream().map(LeadRepository::hash).sorted().distinct().toList();
        jdbc.sql("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(:keys) WITH ORDINALITY AS t(k, n)")
                .param("keys", dev.fairlead.common.SqlArrays.bigint(hashes))
                .query(Long.class).single();
    }

    /** The first 8 bytes of the key's SHA-256: the same lock on every node and version. */
    private static long hash(String key) {
        byte[] d = SHA_256.get().digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.nio.ByteBuffer.wrap(d).getLong();
    }

    /** Looking a digest up costs more than hashing a key with it; a chunk hashes three keys per lead. */
    private static final ThreadLocal<java.security.MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** The oldest open, unflagged lead with the same phone or e-mail (preferred), or the same company and contact name. */
    public Optional<DuplicateCandidate> findDuplicate(String phoneKey, String emailKey, String companyKey, String contactName) {
        return jdbc.sql("""
                        SELECT id, CASE WHEN phone_key = CAST(:phone AS varchar) THEN 'PHONE'
                                        WHEN email_key = CAST(:email AS varchar) THEN 'EMAIL'
                                        ELSE 'COMPANY_CONTACT' END AS match
                        FROM lead
                        WHERE duplicate_of IS NULL AND status NOT IN ('CONVERTED', 'LOST')
                          AND (phone_key = CAST(:phone AS varchar) OR email_key = CAST(:email AS varchar)
                               OR (company_key = CAST(:company AS varchar) AND lower(contact_name) = lower(CAST(:contact AS varchar))))
                        ORDER BY CASE WHEN phone_key = CAST(:phone AS varchar) OR email_key = CAST(:email AS varchar) THEN 0 ELSE 1 END,
                                 created_at, id
                        LIMIT 1
                        """)
                .param("phone", phoneKey)
                .param("email", emailKey)
                .param("company", companyKey)
                .param("contact", contactName)
                .query((rs, n) -> new DuplicateCandidate(rs.getLong("id"), DuplicateMatch.valueOf(rs.getString("match"))))
                .optional();
    }

    /** Fills the merged lead's empty fields (nulls in {@code lead} leave a field as it is) and its keys. */
    public void fillEmpty(long id, NewLead lead) {
        fresh.forget(id);
        jdbc.sql("""
                        UPDATE lead SET company = coalesce(company, :company), title = coalesce(title, :title),
                               phone = coalesce(phone, :phone), email = coalesce(email, :email),
                               industry = coalesce(industry, :industry), company_size = coalesce(company_size, :size),
                               province_code = coalesce(province_code, :province), city_code = coalesce(city_code, :city),
                               postal_code = coalesce(postal_code, :postal), product_interest = coalesce(product_interest, :product),
                               budget = coalesce(budget, :budget), phone_key = coalesce(phone_key, :phoneKey),
                               email_key = coalesce(email_key, :emailKey), company_key = coalesce(company_key, :companyKey),
                               version = version + 1
                        WHERE id = :id
                        """)
                .param("id", id)
                .params(fields(lead))
                .update();
    }

    public long insertMerge(long leadId, Instant at, String channel, DuplicateMatch match, String incomingJson,
            List<String> filledFields, int behavioursAdded) {
        return jdbc.sql("""
                        INSERT INTO lead_merge (lead_id, merged_at, channel, match_kind, incoming, filled_fields, behaviours_added)
                        VALUES (:lead, :at, :channel, :match, CAST(:incoming AS jsonb), :filled, :added)
                        RETURNING id
                        """)
                .param("lead", leadId)
                .param("at", Timestamp.from(at))
                .param("channel", channel)
                .param("match", match.name())
                .param("incoming", incomingJson)
                .param("filled", dev.fairlead.common.SqlArrays.text(filledFields))
                .param("added", behavioursAdded)
                .query(Long.class)
                .single();
    }

    public record MergeRow(long id, long leadId, Instant mergedAt, String channel, DuplicateMatch match, String incomingJson,
            List<String> filledFields, int behavioursAdded, Long fromLeadId) {}

    /** Notes on a merge record that it came from the flagged lead {@code fromLeadId} (merged from the review screen). */
    public void setMergeSource(long mergeId, long fromLeadId) {
        jdbc.sql("UPDATE lead_merge SET from_lead_id = :from WHERE id = :id").param("id", mergeId).param("from", fromLeadId).update();
    }

    /** The lead this flagged lead was merged into from the review screen, if it was. */
    public Optional<Long> mergedInto(long fromLeadId) {
        return jdbc.sql("SELECT lead_id FROM lead_merge WHERE from_lead_id = :from").param("from", fromLeadId)
                .query(Long.class).optional();
    }

    public List<MergeRow> merges(long leadId) {
        return jdbc.sql("SELECT * FROM lead_merge WHERE lead_id = :lead ORDER BY merged_at DESC, id DESC")
                .param("lead", leadId)
                .query((rs, n) -> new MergeRow(rs.getLong("id"), rs.getLong("lead_id"), rs.getTimestamp("merged_at").toInstant(),
                        rs.getString("channel"), DuplicateMatch.valueOf(rs.getString("match_kind")), rs.getString("incoming"),
                        List.of((String[]) rs.getArray("filled_fields").getArray()), rs.getInt("behaviours_added"),
                        (Long) rs.getObject("from_lead_id")))
                .list();
    }

    public void setScore(long id, int score, String grade) {
        fresh.update(id, l -> with(l, l.status(), l.ownerRepId(), l.ownerName(), l.ownerTeamId(), l.poolId(), l.assignedAt(), score,
                grade, l.version()));
        jdbc.sql("UPDATE lead SET score = :score, grade = :grade WHERE id = :id")
                .param("id", id).param("score", score).param("grade", grade).update();
    }

    /** Records many rule scores in one statement ({@code ids}, {@code scores} and {@code grades} side by side). */
    public void setScores(List<Long> ids, List<Integer> scores, List<String> grades) {
        if (ids.isEmpty()) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            int score = scores.get(i);
            String grade = grades.get(i);
            fresh.update(ids.get(i), l -> with(l, l.status(), l.ownerRepId(), l.ownerName(), l.ownerTeamId(), l.poolId(), l.assignedAt(),
                    score, grade, l.version()));
        }
        jdbc.sql("""
                        UPDATE lead SET score = s.score, grade = s.grade
                        FROM unnest(:ids, :scores, :grades) AS s(id, score, grade) WHERE lead.id = s.id
                        """)
                .param("ids", array("bigint", ids.toArray())).param("scores", array("integer", scores.toArray()))
                .param("grades", array("varchar", grades.toArray()))
                .update();
    }

    /** These leads with their behaviour events, in the order of {@code ids} (unknown ids left out). */
    public List<Lead> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Lead> byId = new HashMap<>();
        List<Long> stored = new ArrayList<>();
        for (long id : ids) {
            Lead known = fresh.get(id);
            if (known != null) {
                byId.put(id, known);
            } else {
                stored.add(id);
            }
        }
        if (!stored.isEmpty()) {
            withBehaviours(jdbc.sql(SELECT + " WHERE l.id = ANY(:ids)").param("ids", array("bigint", stored.toArray()))
                    .query(LeadRepository::lead).list()).forEach(l -> byId.put(l.id(), l));
        }
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    public void clearDuplicateOf(long id) {
        fresh.forget(id);
        jdbc.sql("UPDATE lead SET duplicate_of = NULL, version = version + 1 WHERE id = :id").param("id", id).update();
    }

    /** Converted and lost leads, newest first, for learning what wins. */
    public List<Lead> closed(int limit) {
        List<Lead> leads = jdbc.sql(SELECT + " WHERE l.status IN ('CONVERTED', 'LOST') AND l.duplicate_of IS NULL"
                        + " ORDER BY l.closed_at DESC NULLS LAST, l.id DESC LIMIT :limit")
                .param("limit", limit)
                .query(LeadRepository::lead)
                .list();
        return withBehaviours(leads);
    }

    /**
     * Locks the lead's row for an ownership change. A lead this transaction inserted is not locked
     * again: no other transaction can see it before commit.
     */
    public Optional<Locked> lock(long id) {
        Lead known = fresh.get(id);
        if (known != null) {
            return Optional.of(new Locked(id, known.ownerRepId(), known.poolId(), known.status()));
        }
        return jdbc.sql("SELECT id, owner_rep_id, pool_id, status FROM lead WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, n) -> new Locked(rs.getLong("id"), (Long) rs.getObject("owner_rep_id"),
                        (Long) rs.getObject("pool_id"), LeadStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    /** Locks these lead rows in one statement, in id order (so two chunks never wait for each other in a cycle). */
    public List<Locked> lockAll(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Locked> locked = new ArrayList<>(ids.size());
        List<Long> stored = new ArrayList<>();
        for (long id : ids) {
            Lead known = fresh.get(id);
            if (known != null) {
                locked.add(new Locked(id, known.ownerRepId(), known.poolId(), known.status()));
            } else {
                stored.add(id);
            }
        }
        if (!stored.isEmpty()) {
            locked.addAll(jdbc.sql("SELECT id, owner_rep_id, pool_id, status FROM lead WHERE id = ANY(:ids) ORDER BY id FOR UPDATE")
                    .param("ids", dev.fairlead.common.SqlArrays.bigint(stored))
                    .query((rs, n) -> new Locked(rs.getLong("id"), (Long) rs.getObject("owner_rep_id"),
                            (Long) rs.getObject("pool_id"), LeadStatus.valueOf(rs.getString("status"))))
                    .list());
        }
        locked.sort(java.util.Comparator.comparingLong(Locked::id));
        return locked;
    }

    /** {@link #setOwner} for many leads in one statement ({@code ids}, {@code repIds}, {@code teamIds} side by side). */
    public void setOwners(List<Long> ids, List<Long> repIds, List<Long> teamIds, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        ids.forEach(fresh::forget);
        jdbc.sql("""
                        UPDATE lead l SET owner_rep_id = o.rep, owner_team_id = o.team, pool_id = NULL, assigned_at = :at,
                               version = l.version + 1
                        FROM unnest(:ids, :reps, :teams) AS o(id, rep, team) WHERE l.id = o.id
                        """)
                .param("ids", array("bigint", ids.toArray())).param("reps", array("bigint", repIds.toArray()))
                .param("teams", array("bigint", teamIds.toArray())).param("at", Timestamp.from(at))
                .update();
    }

    /** {@link #setPool} for many leads in one statement. */
    public void setPools(List<Long> ids, List<Long> poolIds) {
        if (ids.isEmpty()) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            Long poolId = poolIds.get(i);
            fresh.update(ids.get(i), l -> with(l, l.status(), null, null, null, poolId, l.assignedAt(), l.score(), l.grade(), l.version() + 1));
        }
        jdbc.sql("""
                        UPDATE lead l SET owner_rep_id = NULL, owner_team_id = NULL, pool_id = o.pool, version = l.version + 1
                        FROM unnest(:ids, :pools) AS o(id, pool) WHERE l.id = o.id
                        """)
                .param("ids", array("bigint", ids.toArray())).param("pools", array("bigint", poolIds.toArray()))
                .update();
    }

    /** The rep's team and name, as a counted assignment stored them on the lead. */
    public record Taken(long teamId, String repName) {}

    /**
     * Counts the lead for the rep ({@link RepLoadRepository#TAKE}: the rep is active and under every
     * cap unless {@code enforceCaps} is false) and makes the rep its owner, in one statement; empty
     * when the counter refused (or the rep has no counter row yet) and nothing changed.
     */
    public Optional<Taken> takeAndSetOwner(long id, long repId, LocalDate today, boolean enforceCaps, Instant at) {
        Optional<Taken> taken = jdbc.sql("WITH taken AS (" + RepLoadRepository.TAKE + """
                        ), owned AS (
                            UPDATE lead SET owner_rep_id = :rep, owner_team_id = taken.team_id, pool_id = NULL, assigned_at = :at,
                                   version = lead.version + 1
                            FROM taken WHERE lead.id = :id
                            RETURNING lead.assigned_at)
                        SELECT taken.team_id, taken.name, (SELECT count(*) FROM owned) AS owned,
                               (SELECT assigned_at FROM owned) AS assigned_at
                        FROM taken
                        """)
                .param("id", id)
                .param("rep", repId)
                .param("today", java.sql.Date.valueOf(today))
                .param("month", java.sql.Date.valueOf(today.withDayOfMonth(1)))
                .param("enforce", enforceCaps)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> {
                    if (rs.getLong("owned") != 1) {
                        throw new IllegalStateException("Lead " + id + " vanished while it was assigned");
                    }
                    Instant assignedAt = instant(rs, "assigned_at");
                    Taken t = new Taken(rs.getLong("team_id"), rs.getString("name"));
                    fresh.update(id, l -> with(l, l.status(), repId, t.repName(), t.teamId(), null, assignedAt, l.score(), l.grade(),
                            l.version() + 1));
                    return t;
                })
                .optional();
        return taken;
    }

    public void setOwner(long id, long repId, long teamId, Instant at) {
        fresh.forget(id);
        jdbc.sql("""
                        UPDATE lead SET owner_rep_id = :rep, owner_team_id = :team, pool_id = NULL, assigned_at = :at,
                               version = version + 1 WHERE id = :id
                        """)
                .param("id", id).param("rep", repId).param("team", teamId).param("at", Timestamp.from(at)).update();
    }

    public void setPool(long id, Long poolId) {
        fresh.update(id, l -> with(l, l.status(), null, null, null, poolId, l.assignedAt(), l.score(), l.grade(), l.version() + 1));
        jdbc.sql("UPDATE lead SET owner_rep_id = NULL, owner_team_id = NULL, pool_id = :pool, version = version + 1 WHERE id = :id")
                .param("id", id).param("pool", poolId).update();
    }

    public void setStatus(long id, LeadStatus status, Instant closedAt) {
        fresh.update(id, l -> with(l, status, l.ownerRepId(), l.ownerName(), l.ownerTeamId(), l.poolId(), l.assignedAt(), l.score(),
                l.grade(), l.version() + 1));
        jdbc.sql("UPDATE lead SET status = :status, closed_at = :closed, version = version + 1 WHERE id = :id")
                .param("id", id).param("status", status.name())
                .param("closed", closedAt == null ? null : Timestamp.from(closedAt)).update();
    }

    private List<Lead> withBehaviours(List<Lead> leads) {
        if (leads.isEmpty()) {
            return leads;
        }
        Map<Long, List<Behaviour>> byLead = new HashMap<>();
        jdbc.sql("SELECT * FROM lead_behaviour WHERE lead_id = ANY(:ids) ORDER BY occurred_at")
                .param("ids", dev.fairlead.common.SqlArrays.bigint(leads.stream().map(Lead::id).toList()))
                .query(rs -> {
                    byLead.computeIfAbsent(rs.getLong("lead_id"), k -> new ArrayList<>()).add(new Behaviour(
                            BehaviourKind.valueOf(rs.getString("kind")), rs.getString("detail"),
                            rs.getTimestamp("occurred_at").toInstant()));
                });
        return leads.stream().map(l -> copyWith(l, byLead.getOrDefault(l.id(), List.of()))).toList();
    }

    private static Lead with(Lead l, LeadStatus status, Long ownerRepId, String ownerName, Long ownerTeamId, Long poolId,
            Instant assignedAt, Integer score, String grade, int version) {
        return new Lead(l.id(), l.source(), l.company(), l.contactName(), l.title(), l.phone(), l.email(), l.industry(),
                l.companySize(), l.provinceCode(), l.cityCode(), l.postalCode(), l.productInterest(), l.budget(),
                status, ownerRepId, ownerName, ownerTeamId, poolId, score, grade, l.locked(),
                l.duplicateOf(), l.createdAt(), assignedAt, l.firstContactAt(), l.lastFollowUpAt(), l.behaviours(), version);
    }

    private static Lead copyWith(Lead l, List<Behaviour> behaviours) {
        return new Lead(l.id(), l.source(), l.company(), l.contactName(), l.title(), l.phone(), l.email(), l.industry(),
                l.companySize(), l.provinceCode(), l.cityCode(), l.postalCode(), l.productInterest(), l.budget(),
                l.status(), l.ownerRepId(), l.ownerName(), l.ownerTeamId(), l.poolId(), l.score(), l.grade(), l.locked(),
                l.duplicateOf(), l.createdAt(), l.assignedAt(), l.firstContactAt(), l.lastFollowUpAt(),
                List.copyOf(behaviours), l.version());
    }

    static Lead lead(ResultSet rs, int n) throws SQLException {
        return lead(rs, (Long) rs.getObject("duplicate_of"));
    }

    /** A lead read by {@link #SELECT_VISIBLE}: the lead it may duplicate only when the viewer may see that one too. */
    static Lead visibleLead(ResultSet rs, int n) throws SQLException {
        return lead(rs, (Long) rs.getObject("shown_duplicate_of"));
    }

    private static Lead lead(ResultSet rs, Long duplicateOf) throws SQLException {
        String size = rs.getString("company_size");
        return new Lead(
                rs.getLong("id"),
                LeadSource.valueOf(rs.getString("source")),
                rs.getString("company"),
                rs.getString("contact_name"),
                rs.getString("title"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("industry"),
                size == null ? null : CompanySize.valueOf(size),
                rs.getString("province_code"),
                rs.getString("city_code"),
                rs.getString("postal_code"),
                rs.getString("product_interest"),
                rs.getBigDecimal("budget"),
                LeadStatus.valueOf(rs.getString("status")),
                (Long) rs.getObject("owner_rep_id"),
                rs.getString("owner_name"),
                (Long) rs.getObject("owner_team_id"),
                (Long) rs.getObject("pool_id"),
                (Integer) rs.getObject("score"),
                rs.getString("grade"),
                rs.getBoolean("locked"),
                duplicateOf,
                instant(rs, "created_at"),
                instant(rs, "assigned_at"),
                instant(rs, "first_contact_at"),
                instant(rs, "last_follow_up_at"),
                List.of(),
                rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
