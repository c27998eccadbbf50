package dev.fairlead.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.RoleMatrix.Access;
import dev.fairlead.common.web.RoleMatrix.Caller;
import dev.fairlead.common.web.RoleMatrix.Row;
import dev.fairlead.leads.Lead;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.OrgFixtures.Login;
import dev.fairlead.support.OrgFixtures.Org;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.org.TeamKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Who may reach what: for every operation of the application's own {@code /v3/api-docs} and every
 * kind of caller, the access {@code src/test/resources/role-matrix.txt} declares. An operation the
 * document has and the matrix lacks fails the build (with a draft row of what each caller got, to be
 * checked against the intent before it is copied), and so does a matrix row the document no longer
 * has: a new endpoint cannot ship without someone deciding who may call it.
 *
 * <p>Callers (the columns): {@code admin}, {@code director}, {@code finance}; {@code manager} of the
 * Shanghai team (上海一组, with the key-account team below it); {@code rep}, 李娜 of the Shanghai team;
 * {@code other-team rep}, 胡军 of the Shenzhen team; {@code anonymous}, no token at all.
 *
 * <p>Cells judge the status only, not the body:
 * <ul>
 *   <li>{@code ok} ALLOWED: the request got past the role and scope checks, so any status but 401,
 *       403, 404 and 5xx. Writes are sent a dummy body ({@code {}}, {@code []}, or a one-row CSV for an
 *       upload), so a 400 for it, or a 409 for a record an earlier caller already changed, is allowed;
 *   <li>{@code 403} FORBIDDEN: the role may not do this;
 *   <li>{@code 404} NOT_FOUND: the record lies outside the caller's data scope (mostly the other-team
 *       rep reading or writing a Shanghai record by id), or, where the row says so, no such record exists;
 *   <li>{@code 401} UNAUTHENTICATED: no token (or, for the signed webhook, no valid signature).
 * </ul>
 * A 5xx is always a finding. And whatever the other-team rep is allowed (lists, searches, reports),
 * the answer must not carry the Shanghai records' contact details, task title or reps' e-mails.
 *
 * <p>Path ids point at real records made in {@link #records()}: a lead, deal, customer, task, goal,
 * import, backtest, rebalance proposal and inbox message of 李娜 or the Shanghai team, 李娜 herself, the
 * Shanghai team, a pool of the Shanghai team; which record a parameter takes is decided by the path
 * ({@link #RECORD_FOR}) unless the row names another ({@code id=freshLead}). Records whose name starts
 * with {@code fresh} are made again for every request, for operations that use their record up (a
 * release, a conversion, a deletion). Each operation is sent by the callers least privileged first
 * ({@link Caller#sendingOrder()}), so a caller that must be refused finds the record as it was.
 *
 * <p>The test has a context and database of its own (no scheduled jobs): what allowed callers change
 * disturbs no other test.
 */
@IntegrationTest
@Import(WorkLeadFixtures.class)
@TestPropertySource(properties = {"fairlead.jobs.enabled=false", "fairlead.test.context=matrix"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixIT {

    private static final Logger log = LoggerFactory.getLogger(RoleMatrixIT.class);
    private static final String MATRIX = "/role-matrix.txt";
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** The record a path parameter takes by default, by the path up to and including it. */
    private static final Map<String, String> RECORD_FOR = Map.ofEntries(
            Map.entry("/api/leads/{id}", "lead"),
            Map.entry("/api/leads/data-quality/{itemId}", "setAsideItem"),
            Map.entry("/api/deals/{id}", "deal"),
            Map.entry("/api/deals/from-lead/{leadId}", "freshLead"),
            Map.entry("/api/deals/pipeline/{teamId}", "team"),
            Map.entry("/api/customers/{id}", "customer"),
            Map.entry("/api/credit/deals/{dealId}", "wonDeal"),
            Map.entry("/api/credit/entries/{id}", "creditEntry"),
            Map.entry("/api/tasks/{id}", "task"),
            Map.entry("/api/task-types/{code}", "taskType"),
            Map.entry("/api/goals/{id}", "goal"),
            Map.entry("/api/performance/schemes/{id}", "kpiScheme"),
            Map.entry("/api/performance/pips/{id}", "pip"),
            Map.entry("/api/performance/scorecards/reps/{repId}", "rep"),
            Map.entry("/api/performance/scorecards/teams/{teamId}", "team"),
            Map.entry("/api/performance/points/reps/{repId}", "rep"),
            Map.entry("/api/performance/points/teams/{teamId}", "team"),
            Map.entry("/api/performance/boards/{kind}", "board"),
            Map.entry("/api/insights/alerts/{id}", "alert"),
            Map.entry("/api/insights/alert-rules/{id}", "alertRule"),
            Map.entry("/api/insights/feedback-cycles/{id}", "feedbackCycle"),
            Map.entry("/api/insights/reports/{id}", "report"),
            Map.entry("/api/insights/report-schedules/{id}", "reportSchedule"),
            Map.entry("/api/pools/{id}", "pool"),
            Map.entry("/api/pool/leads/{id}", "lead"),
            Map.entry("/api/reps/{id}", "rep"),
            Map.entry("/api/reps/{id}/absences/{absenceId}", "freshAbsence"),
            Map.entry("/api/teams/{id}/duty-shifts/{shiftId}", "freshDutyShift"),
            Map.entry("/api/teams/{id}/chat-channels/{channelId}", "chatChannel"),
            Map.entry("/api/public-holidays/{day}", "freshHoliday"),
            Map.entry("/api/saved-filters/{id}", "freshSavedFilter"),
            Map.entry("/api/teams/{id}", "team"),
            Map.entry("/api/users/{id}", "user"),
            Map.entry("/api/tokens/{id}", "freshToken"),
            Map.entry("/api/inbox/{id}", "message"),
            Map.entry("/api/imports/{id}", "import"),
            Map.entry("/api/webhook-sources/{id}", "webhookSource"),
            Map.entry("/api/webhooks/{id}", "webhook"),
            Map.entry("/api/webhooks/{id}/deliveries/{deliveryId}", "webhookDelivery"),
            Map.entry("/api/intake/webhook/{source}", "webhookSourceName"),
            Map.entry("/api/routing/rule-sets/{id}", "routingDraft"),
            Map.entry("/api/routing/backtests/{id}", "backtest"),
            Map.entry("/api/routing/rebalances/{id}", "rebalance"),
            Map.entry("/api/routing/reps/{repId}", "rep"),
            Map.entry("/api/scoring/rule-sets/{id}", "scoringDraft"),
            Map.entry("/api/scoring/rescoring/{id}", "rescoring"),
            Map.entry("/api/scoring/leads/{leadId}", "lead"),
            Map.entry("/api/surveys/{id}", "survey"),
            Map.entry("/api/public/surveys/{token}", "surveyToken"));

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired WorkLeadFixtures leads;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    Org org;
    Map<Caller, String> tokens = new EnumMap<>(Caller.class);
    final Map<String, Supplier<String>> records = new LinkedHashMap<>();
    final AtomicInteger sequence = new AtomicInteger();
    /** Text only the Shanghai records carry: an answer to the other-team rep must contain none of it. */
    final List<String> shanghaiOnly = new ArrayList<>();

    @BeforeAll
    void records() {
        org = fixtures.eastAndSouthChina();
        Login otherRep = fixtures.login("rep.south." + org.n(), "胡军 (rep)", Role.REP, null, org.huJun().id());
        tokens.put(Caller.ADMIN, org.admin().token());
        tokens.put(Caller.DIRECTOR, org.director().token());
        tokens.put(Caller.MANAGER, org.manager().token());
        tokens.put(Caller.FINANCE, org.finance().token());
        tokens.put(Caller.REP, org.rep().token());
        tokens.put(Caller.OTHER_REP, otherRep.token());

        String manager = org.manager().token();
        String admin = org.admin().token();
        String rep = org.rep().token();
        LocalDate today = LocalDate.now(clock);

        Lead lead = leads.ownedBy(org.liNa());
        fixed("lead", lead.id());
        fixed("board", "POINTS");
        fixed("setAsideItem", jdbc.sql("INSERT INTO lead_set_aside (lead_id, field, value, reason_en, reason_zh, channel, created_at) "
                        + "VALUES (:lead, 'postalCode', '2000', 'must be a 6-digit postal code', '必须是 6 位邮政编码', 'api', now()) RETURNING id")
                .param("lead", lead.id()).query(Long.class).single());
        shanghaiOnly.addAll(List.of(lead.email(), lead.phone(), org.liNa().email(), org.wangWei().email()));
        fixed("rep", org.liNa().id());
        fixed("team", org.shanghai().id());
        fixed("taskType", "CALL");
        fixed("surveyToken", "A".repeat(43));
        records.put("freshLead", () -> String.valueOf(leads.ownedBy(org.liNa()).id()));
        records.put("freshPooledLead", () -> String.valueOf(leads.inPool(null).id()));
        records.put("freshTeam", () -> String.valueOf(fixtures.team("矩阵组 Matrix " + sequence.incrementAndGet(),
                TeamKind.TEAM, org.shanghai()).id()));

        JsonNode deal = created(api.as(rep).post("/api/deals/from-lead/" + leads.ownedBy(org.liNa()).id(), "{}"));
        fixed("deal", deal.path("id").asLong());
        fixed("customer", deal.path("customerId").asLong());
        // credit: a won deal of 李娜's with her submitted result (the first approver moves it on; later callers may get 409)
        long wonDeal = created(api.as(rep).post("/api/deals/from-lead/" + leads.ownedBy(org.liNa()).id(), Map.of("amount", 38000)))
                .path("id").asLong();
        created(api.as(rep).post("/api/deals/" + wonDeal + "/stage", Map.of("stage", "won")));
        fixed("wonDeal", wonDeal);
        fixed("creditEntry", created(api.as(rep).post("/api/credit/deals/" + wonDeal + "/entries",
                Map.of("evidence", "合同 matrix"))).path("id").asLong());
        // a won deal of 李娜's with a satisfaction survey sent about it
        long surveyed = created(api.as(rep).post("/api/deals/from-lead/" + leads.ownedBy(org.liNa()).id(), "{}")).path("id").asLong();
        created(api.as(rep).post("/api/deals/" + surveyed + "/stage", Map.of("stage", "won")));
        fixed("survey", created(api.as(rep).post("/api/surveys", Map.of("dealId", surveyed))).path("survey").path("id").asLong());
        fixed("task", created(api.as(rep).post("/api/tasks", Map.of("title", "给客户回电 matrix " + org.n(), "typeCode", "CALL",
                "leadId", lead.id()))).path("id").asLong());
        shanghaiOnly.add("给客户回电 matrix " + org.n());
        created(api.as(rep).post("/api/leads/" + lead.id() + "/follow-ups", Map.of("kind", "CALL", "outcome", "POSITIVE",
                "notes", "要报价")));
        fixed("goal", created(api.as(manager).post("/api/goals", Map.of("metric", "REVENUE", "teamId", org.shanghai().id(),
                "period", String.valueOf(today.getYear()), "target", 1_000_000))).path("id").asLong());
        // a monthly scheme scoring every rep (so both reps have a scorecard of their own) and a quarterly draft to act on
        List<Map<String, Object>> dimensions = List.of(Map.of("metric", "FOLLOW_UPS", "weight", 60, "targets", Map.of("target", 20),
                "curve", "LINEAR", "capPercent", 120), Map.of("metric", "SLA_KEPT", "weight", 40, "targets", Map.of("target", 90),
                "curve", "STEPS", "steps", List.of(Map.of("atPercent", 100, "paysPercent", 100))));
        long monthly = created(api.as(admin).post("/api/performance/schemes", Map.of("audience", "ALL", "periodKind", "MONTH",
                "dimensions", dimensions))).path("id").asLong();
        created(api.as(admin).post("/api/performance/schemes/" + monthly + "/activate", Map.of("reason", "matrix")));
        fixed("kpiScheme", created(api.as(admin).post("/api/performance/schemes", Map.of("audience", "KEY_ACCOUNT", "periodKind", "QUARTER",
                "dimensions", dimensions))).path("id").asLong());
        fixed("pip", created(api.as(manager).post("/api/performance/pips", Map.of("repId", org.liNa().id(), "startsOn", today.toString(),
                "endsOn", today.plusDays(60).toString(), "goals", List.of(Map.of("metric", "VISITS", "target", 12))))).path("id").asLong());
        long alertRule = created(api.as(manager).post("/api/insights/alert-rules", Map.of("teamId", org.shanghai().id(),
                "kind", "OVERLOAD", "threshold", 1))).path("id").asLong();
        fixed("alertRule", alertRule);
        fixed("alert", jdbc.sql("INSERT INTO insight_alert (rule_id, kind, team_id, subject_kind, subject_id, subject_name, figures, link, opened_at) "
                        + "VALUES (:rule, 'OVERLOAD', :team, 'REP', :rep, '李娜', CAST('{\"openLeads\": 90, \"capacity\": 80}' AS jsonb), '/leads', now()) RETURNING id")
                .param("rule", alertRule).param("team", org.shanghai().id()).param("rep", org.liNa().id()).query(Long.class).single());
        fixed("feedbackCycle", created(api.as(manager).post("/api/insights/feedback-cycles", Map.of("teamId", org.shanghai().id(),
                "periodStart", today.minusDays(30).toString(), "periodEnd", today.toString()))).path("id").asLong());
        records.put("freshAlertRule", () -> String.valueOf(created(api.as(manager).post("/api/insights/alert-rules",
                Map.of("teamId", org.shanghai().id(), "kind", "AGING_LEADS", "threshold", 5))).path("id").asLong()));
        // reports: one made now for the Shanghai team, its monthly schedule, and a weekly one of the key-account team made afresh
        fixed("report", created(api.as(manager).post("/api/insights/reports", Map.of("teamId", org.shanghai().id()))).path("id").asLong());
        fixed("reportSchedule", created(api.as(manager).post("/api/insights/report-schedules", Map.of("teamId", org.shanghai().id(),
                "kind", "MONTH", "subscriberIds", List.of(org.manager().user().id())))).path("id").asLong());
        records.put("freshReportSchedule", () -> {
            jdbc.sql("DELETE FROM insight_report_schedule WHERE team_id = :team AND kind = 'WEEK'")
                    .param("team", org.shanghaiKeyAccounts().id()).update();
            return String.valueOf(created(api.as(manager).post("/api/insights/report-schedules", Map.of("teamId",
                    org.shanghaiKeyAccounts().id(), "kind", "WEEK", "weekday", 1))).path("id").asLong());
        });
        fixed("pool", created(api.as(admin).post("/api/pools", Map.of("name", "上海公海 matrix " + org.n(), "claimsPerDay", 5, "countWonCustomers", false,
                "coolDownDays", 0, "teamIds", List.of(org.shanghai().id())))).path("id").asLong());
        records.put("freshAbsence", () -> {
            int n = sequence.incrementAndGet();
            JsonNode absences = created(api.as(manager).post("/api/reps/" + org.liNa().id() + "/absences",
                    Map.of("startsOn", today.plusYears(1).plusDays(n).toString(), "endsOn", today.plusYears(1).plusDays(n).toString())))
                    .path("absences");
            return String.valueOf(absences.get(absences.size() - 1).path("id").asLong());
        });
        records.put("freshDutyShift", () -> {
            java.time.Instant starts = clock.instant().plus(java.time.Duration.ofDays(400 + sequence.incrementAndGet()));
            return String.valueOf(created(api.as(manager).post("/api/teams/" + org.shanghai().id() + "/duty-shifts",
                    Map.of("repId", org.liNa().id(), "startsAt", starts.toString(), "endsAt", starts.plusSeconds(3600).toString())))
                    .path("id").asLong());
        });
        // a paused robot: its test message is refused at once, no call leaves the test
        java.util.function.Supplier<String> chatChannel = () -> String.valueOf(created(api.as(manager).post(
                "/api/teams/" + org.shanghai().id() + "/chat-channels", Map.of("platform", "WECOM", "name", "矩阵群 " + sequence.incrementAndGet(),
                        "webhook", "693a91f6-7aaa-4bc4-97a0-0ec2b1fa5aaa", "locale", "zh-CN", "active", false))).path("id").asLong());
        fixed("chatChannel", chatChannel.get());
        records.put("freshChatChannel", chatChannel);
        // saved filters are their user's alone: 李娜's filter is nobody else's to delete
        records.put("freshSavedFilter", () -> String.valueOf(created(api.as(rep).post("/api/saved-filters",
                Map.of("list", "LEADS", "name", "矩阵筛选 " + sequence.incrementAndGet(), "query", "status=NEW"))).path("id").asLong()));
        records.put("freshHoliday", () -> {
            String day = LocalDate.of(2040, 1, 1).plusDays(sequence.incrementAndGet()).toString();
            created(api.as(admin).put("/api/public-holidays/" + day, Map.of("name", "矩阵假日")));
            return day;
        });
        Login spare = fixtures.login("spare." + org.n(), "王伟 (rep)", Role.REP, null, org.wangWei().id());
        fixed("user", spare.user().id());
        records.put("freshToken", () -> String.valueOf(created(api.as(admin).post("/api/tokens",
                Map.of("userId", spare.user().id(), "name", "matrix " + sequence.incrementAndGet()))).path("token").path("id").asLong()));
        long message = jdbc.sql("INSERT INTO notification (user_id, kind, title, body, created_at) "
                        + "VALUES (:user, 'MATRIX', '新线索', '一条新线索', now()) RETURNING id")
                .param("user", org.rep().user().id()).query(Long.class).single();
        fixed("message", message);
        fixed("import", created(upload(manager)).path("job").path("id").asLong());
        JsonNode source = created(api.as(admin).post("/api/webhook-sources", Map.of("name", "matrix-" + org.n())));
        fixed("webhookSource", source.path("source").path("id").asLong());
        fixed("webhookSourceName", "matrix-" + org.n());
        // outbound webhooks: rows as an admin's subscription and its outbox leave them (no URL check, no receiver needed)
        java.util.function.LongSupplier webhook = () -> jdbc.sql("INSERT INTO webhook_subscription (url, event_types, secret, "
                        + "owner_user_id, created_at, created_by) VALUES ('https://crm.example.com/hooks', ARRAY['lead.created'], "
                        + "'whsec_matrix-secret-0123456789', :owner, now(), 'matrix') RETURNING id")
                .param("owner", org.admin().user().id()).query(Long.class).single();
        long subscription = webhook.getAsLong();
        fixed("webhook", subscription);
        fixed("webhookDelivery", jdbc.sql("INSERT INTO webhook_delivery (subscription_id, event_id, event_type, payload, status, "
                        + "created_at, next_attempt_at) VALUES (:s, gen_random_uuid(), 'lead.created', '{}', 'FAILED', now(), now()) RETURNING id")
                .param("s", subscription).query(Long.class).single());
        records.put("freshWebhook", () -> String.valueOf(webhook.getAsLong()));
        long routingDraft = created(api.as(manager).post("/api/routing/rule-sets", "{}")).path("id").asLong();
        fixed("routingDraft", routingDraft);
        fixed("backtest", created(api.as(manager).post("/api/routing/backtests", Map.of("ruleSetId", routingDraft,
                "from", today.minusDays(7).toString(), "to", today.toString()))).path("id").asLong());
        fixed("rebalance", created(api.as(manager).post("/api/routing/rebalances", Map.of("teamId", org.shanghai().id())))
                .path("id").asLong());
        fixed("scoringDraft", created(api.as(admin).post("/api/scoring/rule-sets", "{}")).path("id").asLong());
        long rescoringDraft = created(api.as(admin).post("/api/scoring/rule-sets", "{}")).path("id").asLong();
        // Activating a copy of the active scoring rules changes no score but starts a re-scoring run.
        created(api.as(admin).post("/api/scoring/rule-sets/" + rescoringDraft + "/activate", Map.of("reason", "matrix")));
        fixed("rescoring", created(api.as(admin).get("/api/scoring/rescoring")).path("id").asLong());
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheMatrixSays() {
        long started = System.nanoTime();
        JsonNode docs = api.anonymous().get("/v3/api-docs").tree();
        List<FuzzInputs.Operation> operations = FuzzInputs.operations(docs);
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(100);
        Map<String, Row> matrix = RoleMatrix.read(MATRIX);

        Map<String, FuzzInputs.Operation> documented = new LinkedHashMap<>();
        operations.forEach(o -> documented.put(o.method() + " " + o.path(), o));
        List<String> undeclared = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        int requests = 0;
        int refused = 0;

        for (FuzzInputs.Operation operation : operations) {
            String name = operation.method() + " " + operation.path();
            Row row = matrix.get(name);
            Map<Caller, Access> seen = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.sendingOrder()) {
                ApiResponse response;
                try {
                    response = send(caller, operation, row);
                } catch (RuntimeException e) {
                    findings.add(name + " as " + caller.label + ": could not be sent: " + e.getMessage());
                    continue;
                }
                requests++;
                Access access = Access.of(response.status());
                seen.put(caller, access);
                if (access != Access.ALLOWED) {
                    refused++;
                }
                if (caller == Caller.OTHER_REP && access == Access.ALLOWED) {
                    shanghaiOnly.stream().filter(text -> response.body().contains(text)).findFirst().ifPresent(text ->
                            findings.add(name + " as " + caller.label + ": " + response.status() + " shows Shanghai's '" + text + "'"));
                }
                if (row != null && access != row.expected().get(caller)) {
                    findings.add(name + " as " + caller.label + ": expected " + row.expected().get(caller)
                            + ", got " + response.status() + " " + abbreviate(response.body(), 160));
                }
            }
            if (row == null) {
                undeclared.add(RoleMatrix.draft(name, seen));
            }
        }
        List<String> gone = matrix.values().stream().filter(r -> !documented.containsKey(r.operation()))
                .map(r -> "line " + r.line() + ": " + r.operation()).toList();

        log.info("Role matrix: {} operations × {} callers = {} requests, {} refused (401/403/404), {} findings, "
                        + "{} operations without a row, {} rows without an operation, in {} s",
                operations.size(), Caller.values().length, requests, refused, findings.size(), undeclared.size(), gone.size(),
                (System.nanoTime() - started) / 1_000_000_000);

        List<String> problems = new ArrayList<>();
        if (!undeclared.isEmpty()) {
            problems.add("Operations in /v3/api-docs without a row in " + MATRIX + " (drafts with what each caller got now: "
                    + "decide what each role SHOULD get before copying):\n" + String.join("\n", undeclared));
        }
        if (!gone.isEmpty()) {
            problems.add("Rows in " + MATRIX + " for operations /v3/api-docs no longer has:\n" + String.join("\n", gone));
        }
        if (!findings.isEmpty()) {
            problems.add("Callers answered otherwise than the matrix says:\n" + String.join("\n", findings));
        }
        assertThat(problems).as("%d requests", requests).isEmpty();
    }

    private ApiResponse send(Caller caller, FuzzInputs.Operation operation, Row row) {
        String path = path(operation, row);
        Api.Request request = caller == Caller.ANONYMOUS ? api.anonymous() : api.as(tokens.get(caller));
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (operation.parameterNames("header").contains("Idempotency-Key")) {
            headers.add(Map.entry("Idempotency-Key", "matrix-" + UUID.randomUUID()));
        }
        if (!operation.writes() && operation.bodySchema() == null) {
            return request.raw(operation.method(), path, null, null, headers);
        }
        if (operation.path().equals("/api/imports") && operation.method().equals("POST")) {
            Multipart csv = Multipart.csv();
            return request.raw("POST", path, csv.contentType(), csv.body(), headers);
        }
        if (row != null && row.records().containsKey("body")) {
            return request.raw(operation.method(), path, "application/json", ApiFuzzIT.utf8(body(row.records().get("body"))), headers);
        }
        boolean list = operation.bodySchema() != null && "array".equals(operation.bodySchema().path("type").asString(""));
        return request.raw(operation.method(), path, "application/json", ApiFuzzIT.utf8(list ? "[]" : "{}"), headers);
    }

    private String path(FuzzInputs.Operation operation, Row row) {
        Matcher m = PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String parameter = m.group(1);
            String record = row != null && row.records().containsKey(parameter) ? row.records().get(parameter)
                    : RECORD_FOR.get(operation.path().substring(0, m.end()));
            if (record == null || !records.containsKey(record)) {
                throw new IllegalStateException("no record for {" + parameter + "}: add the path to RECORD_FOR or name one in the row ("
                        + parameter + "=…); records: " + records.keySet());
            }
            m.appendReplacement(path, Matcher.quoteReplacement(records.get(record).get()));
        }
        m.appendTail(path);
        String query = operation.parameters().stream()
                .filter(p -> "query".equals(p.path("in").asString()) && p.path("required").asBoolean())
                .map(p -> p.path("name").asString() + "=" + queryValue(p.path("name").asString()))
                .reduce((a, b) -> a + "&" + b).map(q -> "?" + q).orElse("");
        return path + query;
    }

    /** A row's own body, its {@code ${record}} placeholders filled. */
    private String body(String template) {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(template);
        StringBuilder body = new StringBuilder();
        while (m.find()) {
            Supplier<String> record = records.get(m.group(1));
            if (record == null) {
                throw new IllegalStateException("no record " + m.group(1) + " for the body " + template);
            }
            m.appendReplacement(body, Matcher.quoteReplacement(record.get()));
        }
        m.appendTail(body);
        return body.toString();
    }

    private static String queryValue(String name) {
        return switch (name) {
            case "province" -> "31";
            default -> "1";
        };
    }

    private void fixed(String name, Object value) {
        String text = String.valueOf(value);
        records.put(name, () -> text);
    }

    private static JsonNode created(ApiResponse response) {
        assertThat(response.status()).as("setting up the matrix's records: %s", response).isBetween(200, 299);
        return response.tree();
    }

    private ApiResponse upload(String token) {
        Multipart csv = Multipart.csv();
        return api.as(token).raw("POST", "/api/imports", csv.contentType(), csv.body(), List.of());
    }

    /** A one-row CSV upload, as {@code POST /api/imports} takes it. */
    private record Multipart(String contentType, byte[] body) {

        static Multipart csv() {
            String boundary = "----matrix" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String text = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n公司,联系人,手机\r\n上海矩阵科技有限公司,张伟,13900001111\r\n"
                    + "\r\n--" + boundary + "--\r\n";
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
        }
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }
}
