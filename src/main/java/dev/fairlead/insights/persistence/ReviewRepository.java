package dev.fairlead.insights.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rule effectiveness (decision 0603), counted by SQL on every read: each lead's first routing decision
 * in the period (the engine's rows of {@code routing_assignment}, which carry the rule set id and version
 * and the deciding rule in columns, decision 0215), followed into the follow-ups, deals and SLA timers
 * recorded since.
 */
@Repository
public class ReviewRepository {

    /**
     * One row per lead: the lead's first engine decision in [from, to) (outcome ASSIGNED or POOLED, a
     * rule set named), in scope — an assigned lead by its rep's team and rep, a pooled one by the teams
     * its pool serves (never for a rep) — with what followed the decision.
     */
    static final String ROUTED = """
            WITH decided AS (
                SELECT ra.id, ra.lead_id, ra.rule_set_id, ra.rule_set_version, ra.rule_key, ra.outcome, ra.rep_id, ra.pool_id,
                       ra.decided_at, row_number() OVER (PARTITION BY ra.lead_id ORDER BY ra.decided_at, ra.id) AS nth
                FROM routing_assignment ra
                WHERE ra.rule_set_id IS NOT NULL AND ra.outcome IN ('ASSIGNED', 'POOLED')
                  AND ra.decided_at >= :from AND ra.decided_at < :to
            ), routed AS (
                SELECT d.lead_id, d.rule_set_id, d.rule_set_version, coalesce(d.rule_key, '') AS rule_key, d.outcome, d.rep_id,
                       r.name AS rep_name, d.decided_at,
                       CASE WHEN d.outcome = 'ASSIGNED' THEN CAST(
                           extract(epoch FROM (SELECT min(f.occurred_at) FROM follow_up f
                                               WHERE f.lead_id = d.lead_id AND f.occurred_at >= d.decided_at) - d.decided_at) / 3600
                           AS double precision)
                       END AS hours,
                       EXISTS (SELECT 1 FROM deal dl WHERE dl.lead_id = d.lead_id) AS has_deal,
                       EXISTS (SELECT 1 FROM deal dl WHERE dl.lead_id = d.lead_id AND dl.stage = 'won') AS won,
                       coalesce((SELECT sum(dl.amount) FROM deal dl WHERE dl.lead_id = d.lead_id AND dl.stage = 'won'
                                 AND dl.currency = :currency), 0) AS revenue,
                       (SELECT CASE WHEN s.breached_at IS NOT NULL THEN 'BREACHED' WHEN s.status = 'MET' THEN 'MET' END
                        FROM sla_timer s WHERE s.lead_id = d.lead_id AND s.rep_id = d.rep_id AND s.assigned_at >= d.decided_at
                          AND s.status <> 'CANCELLED' ORDER BY s.assigned_at, s.id LIMIT 1) AS sla
                FROM decided d LEFT JOIN rep r ON r.id = d.rep_id
                WHERE d.nth = 1
                  AND (:root = -1
                       OR (d.outcome = 'ASSIGNED' AND r.team_id IN (SELECT team_subtree(:root)))
                       OR (d.outcome = 'POOLED' AND d.pool_id IN (SELECT pt.pool_id FROM pool_team pt
                                                                  WHERE pt.team_id IN (SELECT team_subtree(:root)))))
                  AND (:rep = -1 OR d.rep_id = :rep)
            )
            """;

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A rule of a version (ruleKey "" when no rule matched), or the version's total ({@code total}).
     * Hours are from the decision to the first follow-up after it, over the assigned leads followed up.
     */
    public record EffectivenessRow(long ruleSetId, int version, String ruleSetName, boolean total, String ruleKey, String ruleName,
            long leads, long pooled, long contacted, Double medianHours, Double p90Hours, long deals, long won, BigDecimal revenue,
            long slaKept, long slaTimed) {}

    public List<EffectivenessRow> effectiveness(Scope scope, Instant from, Instant to, String currency) {
        return jdbc.sql(ROUTED + """
                SELECT g.*, rs.name,
                       (SELECT e ->> 'name' FROM jsonb_array_elements(rs.rules) e WHERE e ->> 'key' = g.rule_key LIMIT 1) AS rule_name
                FROM (SELECT rule_set_id, rule_set_version, GROUPING(rule_key) = 1 AS total, rule_key,
                             count(*) AS leads,
                             count(*) FILTER (WHERE outcome = 'POOLED') AS pooled,
                             count(hours) AS contacted,
                             percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median,
                             percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90,
                             count(*) FILTER (WHERE has_deal) AS deals,
                             count(*) FILTER (WHERE won) AS won,
                             sum(revenue) AS revenue,
                             count(*) FILTER (WHERE sla = 'MET') AS sla_kept,
                             count(sla) AS sla_timed
                      FROM routed
                      GROUP BY GROUPING SETS ((rule_set_id, rule_set_version, rule_key), (rule_set_id, rule_set_version))) g
                JOIN routing_rule_set rs ON rs.id = g.rule_set_id
                ORDER BY g.rule_set_version, g.total DESC, g.rule_key
                """)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("currency", currency)
                .param("root", scope.root()).param("rep", scope.rep())
                .query(ReviewRepository::row).list();
    }

    private static EffectivenessRow row(ResultSet rs, int i) throws SQLException {
        return new EffectivenessRow(rs.getLong("rule_set_id"), rs.getInt("rule_set_version"), rs.getString("name"), rs.getBoolean("total"),
                rs.getString("rule_key"), rs.getString("rule_name"), rs.getLong("leads"), rs.getLong("pooled"), rs.getLong("contacted"),
                (Double) rs.getObject("median"), (Double) rs.getObject("p90"), rs.getLong("deals"), rs.getLong("won"),
                rs.getBigDecimal("revenue"), rs.getLong("sla_kept"), rs.getLong("sla_timed"));
    }

    /** A lead behind a figure. */
    public record RoutedLead(long leadId, String company, String contactName, int version, String ruleKey, String outcome, Long repId,
            String repName, Instant decidedAt, Double hoursToFirstTouch, boolean deal, boolean won, BigDecimal revenue, String sla) {}

    /**
     * The leads behind one figure of a version (and rule; null: the version's total): {@code figure}
     * ROUTED (all), POOLED, CONTACTED, DEAL, WON, SLA_KEPT, SLA_MISSED. At most {@code limit}, oldest decision first.
     */
    public List<RoutedLead> leads(Scope scope, Instant from, Instant to, String currency, int version, String ruleKey, String figure,
            int limit) {
        return jdbc.sql(ROUTED + """
                SELECT x.lead_id, l.company, l.contact_name, x.rule_set_version, x.rule_key, x.outcome, x.rep_id, x.rep_name, x.decided_at,
                       x.hours, x.has_deal, x.won, x.revenue, x.sla
                FROM routed x JOIN lead l ON l.id = x.lead_id
                WHERE x.rule_set_version = :version AND (CAST(:rule AS text) IS NULL OR x.rule_key = :rule)
                  AND CASE :figure WHEN 'POOLED' THEN x.outcome = 'POOLED'
                                   WHEN 'CONTACTED' THEN x.hours IS NOT NULL
                                   WHEN 'DEAL' THEN x.has_deal
                                   WHEN 'WON' THEN x.won
                                   WHEN 'SLA_KEPT' THEN x.sla = 'MET'
                                   WHEN 'SLA_MISSED' THEN x.sla = 'BREACHED'
                                   ELSE true END
                ORDER BY x.decided_at, x.lead_id LIMIT :limit
                """)
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("currency", currency)
                .param("root", scope.root()).param("rep", scope.rep()).param("version", version).param("rule", ruleKey)
                .param("figure", figure).param("limit", limit)
                .query((rs, i) -> new RoutedLead(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), (Long) rs.getObject(7), rs.getString(8), rs.getTimestamp(9).toInstant(), (Double) rs.getObject(10),
                        rs.getBoolean(11), rs.getBoolean(12), rs.getBigDecimal(13), rs.getString(14)))
                .list();
    }
}
