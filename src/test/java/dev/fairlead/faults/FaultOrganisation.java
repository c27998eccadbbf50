package dev.fairlead.faults;

import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The organisation a fault test routes into, made over the API as an admin would: one company,
 * region and Shanghai team of reps who work every day (so the test routes the same on a Saturday),
 * with the caps given, and a rule set that sends Shanghai leads to the team by weighted round robin,
 * Hangzhou leads to the team's least loaded rep, and everything else to the reps by fairness points.
 */
record FaultOrganisation(long teamId, List<Long> repIds) {

    static FaultOrganisation create(Api api, String token, int reps, int maxOpenLeads, int maxNewPerDay) {
        Api.Request admin = api.as(token);
        long company = id(admin.post("/api/teams", "{\"name\":\"故障测试科技 Fault Test Co\",\"kind\":\"COMPANY\"}"));
        long region = id(admin.post("/api/teams", "{\"name\":\"华东大区\",\"kind\":\"REGION\",\"parentId\":" + company + "}"));
        long team = id(admin.post("/api/teams", "{\"name\":\"上海一组\",\"kind\":\"TEAM\",\"parentId\":" + region + "}"));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            ids.add(id(admin.post("/api/reps", """
                    {"teamId": %d, "name": "销售%d", "email": "fault.rep%d@fault.example", "phone": "13812345678", "tier": "REGULAR",
                     "industries": ["manufacturing"], "products": ["crm"], "languages": ["zh"], "weight": %d,
                     "maxOpenLeads": %d, "maxNewPerDay": %d, "maxNewPerMonth": %d,
                     "workingDays": ["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
                     "hireDate": "2023-01-01", "active": true, "territories": [{"kind": "CITY", "code": "310100"}]}
                    """.formatted(team, i, i, 5 + i % 4, maxOpenLeads, maxNewPerDay, Math.max(maxNewPerDay, maxOpenLeads)))));
        }
        long draft = id(admin.post("/api/routing/rule-sets", "{\"name\":\"Fault test\"}"));
        ok(admin.put("/api/routing/rule-sets/" + draft, """
                {"name": "Fault test", "rules": [
                  {"name": "Shanghai by weight", "targetKind": "TEAM", "teamId": %d, "strategy": "WEIGHTED_ROUND_ROBIN",
                   "conditions": [{"field": "CITY", "operator": "IN", "values": ["310100"]}]},
                  {"name": "Hangzhou, least loaded", "targetKind": "TEAM", "teamId": %d, "strategy": "LEAST_LOADED",
                   "conditions": [{"field": "CITY", "operator": "IN", "values": ["330100"]}]},
                  {"name": "Everyone by points", "targetKind": "EVERYONE", "strategy": "FAIRNESS_POINTS"}]}
                """.formatted(team, team)));
        ok(admin.post("/api/routing/rule-sets/" + draft + "/activate", "{\"reason\":\"fault test\"}"));
        return new FaultOrganisation(team, ids);
    }

    /** A lead as a web form or an integrator sends it; {@code n} makes its company and phone unique. */
    static String lead(long n) {
        String[][] cities = {{"310000", "310100"}, {"330000", "330100"}, {"440000", "440300"}};
        String[] city = cities[(int) (n % cities.length)];
        return """
                {"source": "API", "company": "故障测试机械有限公司 %d", "contactName": "张伟", "title": "采购经理",
                 "phone": "%s", "industry": "manufacturing", "companySize": "MEDIUM", "provinceCode": "%s",
                 "cityCode": "%s", "productInterest": "crm", "budget": 80000}
                """.formatted(n, phone(n), city[0], city[1]);
    }

    static String phone(long n) {
        return "139" + String.format("%08d", n % 100_000_000L);
    }

    private static long id(ApiResponse response) {
        ok(response);
        return response.tree().path("id").asLong();
    }

    private static void ok(ApiResponse response) {
        if (response.status() >= 300) {
            throw new IllegalStateException("setting up the organisation failed: " + response);
        }
    }
}
