import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live routing over HTTP against a running Fairlead (bench/routing-http/run.sh starts one), next to
 * the raw 3-statement JDBC transaction on the same database. Every loop is bounded by a request count.
 *
 *   java -cp postgresql.jar LiveRoutingLoad.java BASE_URL TOKEN JDBC_URL REQUESTS_PER_CLIENT CLIENTS...
 */
public class LiveRoutingLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Strategy of the rule the leads hit; WEIGHTED_ROUND_ROBIN takes the rule's turn lock, LEAST_LOADED none. */
    static final String STRATEGY = System.getenv().getOrDefault("STRATEGY", "WEIGHTED_ROUND_ROBIN");
    static final AtomicLong PHONE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String jdbc = args[2];
        int perClient = Integer.parseInt(args[3]);
        int[] clientCounts = Arrays.stream(args, 4, args.length).mapToInt(Integer::parseInt).toArray();
        long teamId = setUpOrganisation(base, token);
        System.out.printf("organisation ready (team %d, 20 reps, rule set: Shanghai by %s, then everyone least loaded)%n", teamId, STRATEGY);
        post(base, token, "/api/leads", lead(), UUID.randomUUID().toString());
        for (int warm = 0; warm < 200; warm++) {
            post(base, token, "/api/leads", lead(), UUID.randomUUID().toString());
        }
        List<long[]> rawIds = repIds(jdbc);
        System.out.println("| clients | Fairlead req/s | p50 ms | p99 ms | raw JDBC tx/s | p50 ms | p99 ms | Fairlead ÷ raw | GET /api/me req/s | ÷ raw |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        double lastRaw = 0;
        double lastFairlead = 0;
        int lastClients = 0;
        for (int clients : clientCounts) {
            Result fairlead = run(clients, perClient, () -> {
                int status = post(base, token, "/api/leads", lead(), UUID.randomUUID().toString());
                if (status != 201) {
                    throw new IllegalStateException("POST /api/leads answered " + status);
                }
            });
            Result raw = runJdbc(jdbc, clients, perClient, rawIds);
            // The floor of any API call on this stack: a bearer-authenticated GET that reads the caller (token and user, then the user again: two queries) and answers JSON.
            Result me = run(clients, perClient, () -> {
                int status = get(base, token, "/api/me");
                if (status != 200) {
                    throw new IllegalStateException("GET /api/me answered " + status);
                }
            });
            System.out.printf("| %d | %.0f | %.1f | %.1f | %.0f | %.1f | %.1f | %.0f%% | %.0f | %.0f%% |%n", clients, fairlead.rate, fairlead.p50,
                    fairlead.p99, raw.rate, raw.p50, raw.p99, 100 * fairlead.rate / raw.rate, me.rate, 100 * me.rate / raw.rate);
            lastRaw = raw.rate;
            lastFairlead = fairlead.rate;
            lastClients = clients;
        }
        double target = lastRaw / 2;
        double paced = Math.min(target, lastFairlead * 0.8);
        Result atRate = paced(lastClients, perClient, paced, () -> post(base, token, "/api/leads", lead(), UUID.randomUUID().toString()));
        System.out.printf("%nPaced: %d clients at %.0f req/s in total (half the raw rate is %.0f): p50 %.1f ms, p99 %.1f ms%n",
                lastClients, atRate.rate, target, atRate.p50, atRate.p99);
        // Callers that can group leads: POST /api/leads/batch, stored and routed set-based 100 leads per transaction.
        int batchSize = Integer.parseInt(System.getenv().getOrDefault("BATCH", "100"));
        int batches = Math.max(1, perClient / 10);
        Result batched = run(lastClients, batches, () -> {
            StringBuilder body = new StringBuilder("{\"leads\": [");
            for (int i = 0; i < batchSize; i++) {
                body.append(i == 0 ? "" : ",").append(lead());
            }
            int status = post(base, token, "/api/leads/batch", body.append("]}").toString(), UUID.randomUUID().toString());
            if (status != 200) {
                throw new IllegalStateException("POST /api/leads/batch answered " + status);
            }
        });
        System.out.printf("Batches of %d: %d clients, %.0f leads/s (%.0f%% of the last raw rate), per batch p50 %.1f ms, p99 %.1f ms%n",
                batchSize, lastClients, batched.rate * batchSize, 100 * batched.rate * batchSize / lastRaw, batched.p50, batched.p99);
    }

    record Result(double rate, double p50, double p99) {}

    interface Call {
        void run() throws Exception;
    }

    static Result run(int clients, int perClient, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[perClient];
                for (int i = 0; i < perClient; i++) {
                    long t0 = System.nanoTime();
                    call.run();
                    latencies[i] = System.nanoTime() - t0;
                }
                return latencies;
            }));
        }
        return collect(pool, futures, start, clients * perClient);
    }

    /** Open loop: each client sends at its share of {@code totalRate}, so queueing shows in the latency. */
    static Result paced(int clients, int perClient, double totalRate, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        long intervalNanos = (long) (1e9 * clients / totalRate);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long offset = intervalNanos * c / clients;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[perClient];
                for (int i = 0; i < perClient; i++) {
                    long due = start + offset + i * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    call.run();
                    latencies[i] = System.nanoTime() - Math.min(due, System.nanoTime());
                }
                return latencies;
            }));
        }
        return collect(pool, futures, start, clients * perClient);
    }

    static Result collect(ExecutorService pool, List<Future<long[]>> futures, long start, int total) throws Exception {
        long[] all = new long[total];
        int n = 0;
        for (Future<long[]> f : futures) {
            for (long l : f.get()) {
                all[n++] = l;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(all);
        return new Result(total / seconds, all[(int) (total * 0.50)] / 1e6, all[Math.min(total - 1, (int) (total * 0.99))] / 1e6);
    }

    /** The raw equivalent of one routed lead: insert the lead with its owner, insert an audit row, bump the owner's counter. */
    static Result runJdbc(String url, int clients, int perClient, List<long[]> reps) throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Connection con = DriverManager.getConnection(url, "postgres", "");
            con.setAutoCommit(false);
            connections.add(con);
        }
        ThreadLocal<Integer> index = new ThreadLocal<>();
        AtomicLong next = new AtomicLong();
        Result r = run(clients, perClient, () -> {
            if (index.get() == null) {
                index.set((int) next.getAndIncrement());
            }
            Connection con = connections.get(index.get());
            long[] rep = reps.get(ThreadLocalRandom.current().nextInt(reps.size()));
            try (PreparedStatement lead = con.prepareStatement("""
                    INSERT INTO lead (source, company, contact_name, phone, province_code, city_code, budget, owner_rep_id, owner_team_id,
                                      assigned_at, created_at) VALUES ('API', ?, '张伟', ?, '310000', '310100', 80000, ?, ?, ?, ?) RETURNING id""");
                 PreparedStatement audit = con.prepareStatement("""
                    INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, team_id, rep_id, after)
                    VALUES (?, 'bench', 'ASSIGN', 'lead', ?, ?, ?, CAST(? AS jsonb))""");
                 PreparedStatement counter = con.prepareStatement(
                    "UPDATE rep_load SET open_leads = open_leads + 1, new_today = new_today + 1 WHERE rep_id = ?")) {
                Timestamp now = Timestamp.from(Instant.now());
                lead.setString(1, "原始对照 " + PHONE.incrementAndGet());
                lead.setString(2, "139" + String.format("%08d", PHONE.incrementAndGet() % 100_000_000L));
                lead.setLong(3, rep[0]);
                lead.setLong(4, rep[1]);
                lead.setTimestamp(5, now);
                lead.setTimestamp(6, now);
                long id;
                try (ResultSet rs = lead.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                audit.setTimestamp(1, now);
                audit.setString(2, String.valueOf(id));
                audit.setLong(3, rep[1]);
                audit.setLong(4, rep[0]);
                audit.setString(5, "{\"ownerRepId\": " + rep[0] + "}");
                audit.executeUpdate();
                counter.setLong(1, rep[0]);
                counter.executeUpdate();
                con.commit();
            }
        });
        for (Connection con : connections) {
            con.close();
        }
        return r;
    }

    static List<long[]> repIds(String url) throws Exception {
        List<long[]> reps = new ArrayList<>();
        try (Connection con = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = con.createStatement().executeQuery("SELECT r.id, r.team_id FROM rep r JOIN rep_load l ON l.rep_id = r.id")) {
            while (rs.next()) {
                reps.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        return reps;
    }

    static long setUpOrganisation(String base, String token) throws Exception {
        long company = id(postBody(base, token, "/api/teams", "{\"name\":\"压测科技 Load Test Co\",\"kind\":\"COMPANY\"}"));
        long region = id(postBody(base, token, "/api/teams", "{\"name\":\"华东大区\",\"kind\":\"REGION\",\"parentId\":" + company + "}"));
        long team = id(postBody(base, token, "/api/teams", "{\"name\":\"上海一组\",\"kind\":\"TEAM\",\"parentId\":" + region + "}"));
        for (int i = 0; i < 20; i++) {
            postBody(base, token, "/api/reps", """
                    {"teamId": %d, "name": "销售%d", "email": "load.rep%d@bench.example", "phone": "13812345678", "tier": "REGULAR",
                     "industries": ["manufacturing"], "products": ["crm"], "languages": ["zh"], "weight": %d,
                     "maxOpenLeads": 100000, "maxNewPerDay": 10000, "maxNewPerMonth": 100000,
                     "workingDays": ["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
                     "hireDate": "2023-01-01", "active": true, "territories": [{"kind": "CITY", "code": "310100"}]}
                    """.formatted(team, i, i, 5 + i % 10));
        }
        long draft = id(postBody(base, token, "/api/routing/rule-sets", "{\"name\":\"Load test\"}"));
        putBody(base, token, "/api/routing/rule-sets/" + draft, """
                {"name": "Load test", "rules": [
                  {"name": "Shanghai", "targetKind": "TEAM", "teamId": %d, "strategy": "%s",
                   "conditions": [{"field": "CITY", "operator": "IN", "values": ["310100"]}]},
                  {"name": "Everyone, least loaded", "targetKind": "EVERYONE", "strategy": "LEAST_LOADED"}]}
                """.formatted(team, STRATEGY));
        postBody(base, token, "/api/routing/rule-sets/" + draft + "/activate", "{\"reason\":\"load test\"}");
        return team;
    }

    static String lead() {
        long n = PHONE.incrementAndGet();
        return """
                {"source": "API", "company": "上海压测机械有限公司 %d", "contactName": "张伟", "title": "采购经理",
                 "phone": "139%08d", "industry": "manufacturing", "companySize": "MEDIUM", "provinceCode": "310000",
                 "cityCode": "310100", "productInterest": "crm", "budget": 80000}
                """.formatted(n, n % 100_000_000L);
    }

    static int post(String base, String token, String path, String body, String key) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static int get(String base, String token, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET().build();
        return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String postBody(String base, String token, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    static String putBody(String base, String token, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    static String send(HttpRequest.Builder builder, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(builder.header("Authorization", "Bearer " + token).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static long id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return Long.parseLong(m.group(1));
    }
}
