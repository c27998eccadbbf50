package dev.fairlead.deals.persistence;

import dev.fairlead.common.Money;
import dev.fairlead.common.Viewer;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealQuery;
import dev.fairlead.deals.DealStage;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DealRepository {

    public record NewDeal(String name, Long leadId, Long customerId, long ownerRepId, long ownerTeamId, String source,
            Money amount, String stage, int position, int probability, LocalDate expectedClose, Instant at) {}

    /** One stage a deal was in, from the history. */
    public record StageVisit(long dealId, String stage, int position, Instant enteredAt, Instant leftAt, String actor) {}

    public static final String SCOPE = "(:all OR d.owner_team_id IN (SELECT team_subtree(:scopeTeam)) OR d.owner_rep_id = :scopeRep)";
    private static final String SELECT = """
            SELECT d.*, r.name AS owner_name, c.name AS customer_name
            FROM deal d JOIN rep r ON r.id = d.owner_rep_id LEFT JOIN customer c ON c.id = d.customer_id
            """;

    private final JdbcClient jdbc;

    DealRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static Map<String, Object> scope(Viewer viewer) {
        return Map.of("all", viewer.seesAll(), "scopeTeam", viewer.scopeTeamId(), "scopeRep", viewer.scopeRepId());
    }

    public long insert(NewDeal d, String actor) {
        long id = jdbc.sql("""
                        INSERT INTO deal (name, lead_id, customer_id, owner_rep_id, owner_team_id, source, amount, currency, stage,
                                          furthest, probability, expected_close, created_at, stage_entered_at)
                        VALUES (:name, :lead, :customer, :rep, :team, :source, :amount, :currency, :stage, :position,
                                :probability, :close, :at, :at)
                        RETURNING id
                        """)
                .param("name", d.name().trim()).param("lead", d.leadId()).param("customer", d.customerId())
                .param("rep", d.ownerRepId()).param("team", d.ownerTeamId()).param("source", d.source())
                .param("amount", d.amount().amount()).param("currency", d.amount().currency()).param("stage", d.stage())
                .param("position", d.position()).param("probability", d.probability())
                .param("close", d.expectedClose() == null ? null : Date.valueOf(d.expectedClose()))
                .param("at", Timestamp.from(d.at()))
                .query(Long.class).single();
        enterStage(id, d.stage(), d.position(), d.at(), actor);
        return id;
    }

    public Optional<Deal> find(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id).query(DealRepository::deal).optional();
    }

    public Optional<Deal> findVisible(Viewer viewer, long id) {
        return jdbc.sql(SELECT + " WHERE d.id = :id AND " + SCOPE).params(scope(viewer)).param("id", id)
                .query(DealRepository::deal).optional();
    }

    /** The customer's deals within the viewer's scope, newest first. */
    public List<Deal> findVisibleOfCustomer(Viewer viewer, long customerId) {
        return jdbc.sql(SELECT + " WHERE d.customer_id = :customer AND " + SCOPE + " ORDER BY d.created_at DESC, d.id DESC LIMIT 500")
                .params(scope(viewer)).param("customer", customerId).query(DealRepository::deal).list();
    }

    /** Locks the deal row for a change, within the viewer's scope. */
    public Optional<Deal> lockVisible(Viewer viewer, long id) {
        return jdbc.sql("SELECT d.id FROM deal d WHERE d.id = :id AND " + SCOPE + " FOR UPDATE")
                .params(scope(viewer)).param("id", id).query(Long.class).optional()
                .flatMap(this::find);
    }

    public List<Deal> findVisible(Viewer viewer, DealQuery q) {
        return jdbc.sql(SELECT + LIST_WHERE + LIST_ORDER + " LIMIT :limit OFFSET :offset")
                .params(listParams(viewer, q))
                .param("limit", q.size()).param("offset", (long) q.page() * q.size())
                .query(DealRepository::deal).list();
    }

    /** The deal list's scope and filter: the list and its export run exactly this. */
    private static final String LIST_WHERE = " WHERE " + SCOPE + """
             AND (CAST(:stage AS text) IS NULL OR d.stage = :stage)
             AND (CAST(:owner AS bigint) IS NULL OR d.owner_rep_id = :owner)
             AND (CAST(:team AS bigint) IS NULL OR d.owner_team_id IN (SELECT team_subtree(:team)))
             AND (CAST(:source AS text) IS NULL OR d.source = :source)
             AND (CAST(:open AS boolean) IS NULL OR (d.stage NOT IN ('won', 'lost')) = :open)
             AND (CAST(:lead AS bigint) IS NULL OR d.lead_id = :lead)
             AND (CAST(:text AS text) IS NULL OR d.name ILIKE '%' || :text || '%' OR c.name ILIKE '%' || :text || '%')
            """;
    private static final String LIST_ORDER = " ORDER BY d.created_at DESC, d.id DESC";

    private static Map<String, Object> listParams(Viewer viewer, DealQuery q) {
        Map<String, Object> p = new java.util.HashMap<>(scope(viewer));
        p.put("stage", q.stage());
        p.put("owner", q.ownerRepId());
        p.put("team", q.teamId());
        p.put("source", q.source());
        p.put("open", q.open());
        p.put("lead", q.leadId());
        p.put("text", q.text());
        return p;
    }

    public long countVisible(Viewer viewer, DealQuery q) {
        return jdbc.sql("SELECT count(*) FROM deal d LEFT JOIN customer c ON c.id = d.customer_id" + LIST_WHERE)
                .params(listParams(viewer, q)).query(Long.class).single();
    }

    /** The deal list through a cursor (an export); must run in a transaction. */
    public void forEachVisible(Viewer viewer, DealQuery q, int limit, java.util.function.Consumer<? super Deal> each) {
        try (java.util.stream.Stream<Deal> rows = jdbc.sql(SELECT + LIST_WHERE + LIST_ORDER + " LIMIT :limit").withFetchSize(1000)
                .params(listParams(viewer, q)).param("limit", limit).query(DealRepository::deal).stream()) {
            rows.forEach(each);
        }
    }

    public boolean update(long id, String name, Long customerId, long ownerRepId, long ownerTeamId, Money amount,
            int probability, LocalDate expectedClose, Integer version) {
        return jdbc.sql("""
                        UPDATE deal SET name = :name, customer_id = :customer, owner_rep_id = :rep, owner_team_id = :team,
                               amount = :amount, currency = :currency, probability = :probability, expected_close = :close,
                               version = version + 1
                        WHERE id = :id AND (CAST(:version AS integer) IS NULL OR version = :version)
                        """)
                .param("id", id).param("name", name.trim()).param("customer", customerId).param("rep", ownerRepId)
                .param("team", ownerTeamId).param("amount", amount.amount()).param("currency", amount.currency())
                .param("probability", probability).param("close", expectedClose == null ? null : Date.valueOf(expectedClose))
                .param("version", version)
                .update() == 1;
    }

    public void moveStage(long id, String stage, int position, int probability, String lostReason, LocalDate wonOn,
            Instant at, String actor) {
        boolean closing = DealStage.WON.equals(stage) || DealStage.LOST.equals(stage);
        jdbc.sql("""
                        UPDATE deal SET stage = :stage, probability = :probability, lost_reason = :lost, won_on = :won,
                               furthest = CASE WHEN :closing THEN furthest ELSE greatest(furthest, :position) END,
                               stage_entered_at = :at, closed_at = CASE WHEN :closing THEN CAST(:at AS timestamptz) END, version = version + 1
                        WHERE id = :id
                        """)
                .param("id", id).param("stage", stage).param("probability", probability).param("lost", lostReason)
                .param("won", wonOn == null ? null : Date.valueOf(wonOn)).param("closing", closing)
                .param("position", position).param("at", Timestamp.from(at))
                .update();
        jdbc.sql("UPDATE deal_stage_history SET left_at = :at WHERE deal_id = :id AND left_at IS NULL")
                .param("id", id).param("at", Timestamp.from(at)).update();
        enterStage(id, stage, position, at, actor);
    }

    private void enterStage(long dealId, String stage, int position, Instant at, String actor) {
        jdbc.sql("INSERT INTO deal_stage_history (deal_id, stage, position, entered_at, actor) VALUES (:deal, :stage, :position, :at, :actor)")
                .param("deal", dealId).param("stage", stage).param("position", position).param("at", Timestamp.from(at))
                .param("actor", actor).update();
    }

    public List<StageVisit> history(Collection<Long> dealIds) {
        if (dealIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM deal_stage_history WHERE deal_id = ANY(:ids) ORDER BY deal_id, entered_at, id")
                .param("ids", dev.fairlead.common.SqlArrays.bigint(List.copyOf(dealIds)))
                .query((rs, n) -> new StageVisit(rs.getLong("deal_id"), rs.getString("stage"), rs.getInt("position"),
                        rs.getTimestamp("entered_at").toInstant(), instant(rs, "left_at"), rs.getString("actor")))
                .list();
    }

    public boolean hasOpenDeal(long leadId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM deal WHERE lead_id = :lead AND stage NOT IN ('won', 'lost'))")
                .param("lead", leadId).query(Boolean.class).single();
    }

    public Set<Long> leadsWithOpenDeals(Collection<Long> leadIds) {
        if (leadIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT DISTINCT lead_id FROM deal WHERE lead_id = ANY(:ids) AND stage NOT IN ('won', 'lost')")
                .param("ids", dev.fairlead.common.SqlArrays.bigint(List.copyOf(leadIds))).query(Long.class).list());
    }

    /** Deals in one team's subtree still sitting in one of these stages. */
    public int openInStages(long teamId, Collection<String> stages) {
        if (stages.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM deal WHERE owner_team_id IN (SELECT team_subtree(:team)) AND stage = ANY(:stages)")
                .param("team", teamId).param("stages", dev.fairlead.common.SqlArrays.text(List.copyOf(stages)))
                .query(Integer.class).single();
    }

    /** A deal as the funnel sees it. */
    public record FunnelRow(long id, String ownerName, String teamName, String source, Instant createdAt, String stage,
            int furthest, BigDecimal amount, String currency) {}

    public List<FunnelRow> funnelRows(Viewer viewer, Long teamId, Long repId, String source, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT d.id, r.name AS owner_name, t.name AS team_name, d.source, d.created_at, d.stage, d.furthest,
                               d.amount, d.currency
                        FROM deal d JOIN rep r ON r.id = d.owner_rep_id JOIN team t ON t.id = d.owner_team_id
                        WHERE """ + SCOPE + """
                         AND (CAST(:team AS bigint) IS NULL OR d.owner_team_id IN (SELECT team_subtree(:team)))
                         AND (CAST(:rep AS bigint) IS NULL OR d.owner_rep_id = :rep)
                         AND (CAST(:source AS text) IS NULL OR d.source = :source)
                         AND (CAST(:from AS timestamptz) IS NULL OR d.created_at >= :from)
                         AND (CAST(:to AS timestamptz) IS NULL OR d.created_at < :to)
                        ORDER BY d.id
                        """)
                .params(scope(viewer))
                .param("team", teamId).param("rep", repId).param("source", source)
                .param("from", from == null ? null : Timestamp.from(from))
                .param("to", to == null ? null : Timestamp.from(to))
                .query((rs, n) -> new FunnelRow(rs.getLong("id"), rs.getString("owner_name"), rs.getString("team_name"),
                        rs.getString("source"), rs.getTimestamp("created_at").toInstant(), rs.getString("stage"),
                        rs.getInt("furthest"), rs.getBigDecimal("amount"), rs.getString("currency")))
                .list();
    }

    static Deal deal(ResultSet rs, int n) throws SQLException {
        Date close = rs.getDate("expected_close");
        Date won = rs.getDate("won_on");
        return new Deal(
                rs.getLong("id"),
                rs.getString("name"),
                (Long) rs.getObject("lead_id"),
                (Long) rs.getObject("customer_id"),
                rs.getString("customer_name"),
                rs.getLong("owner_rep_id"),
                rs.getString("owner_name"),
                rs.getLong("owner_team_id"),
                rs.getString("source"),
                new Money(rs.getBigDecimal("amount"), rs.getString("currency")),
                rs.getString("stage"),
                rs.getInt("probability"),
                close == null ? null : close.toLocalDate(),
                rs.getString("lost_reason"),
                won == null ? null : won.toLocalDate(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("stage_entered_at").toInstant(),
                instant(rs, "closed_at"),
                rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
