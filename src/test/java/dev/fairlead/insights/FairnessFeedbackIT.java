package dev.fairlead.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.org.Rep;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Anonymous fairness feedback: the team's reps are asked and answer once; the stored answers carry no rep
 * id and no time finer than the day; results are hidden below five answers (and while the cycle is open)
 * and shown from five, never to another team's manager; a rep of another team cannot answer.
 */
@IntegrationTest
class FairnessFeedbackIT {

    static final LocalDateTime NOW = LocalDateTime.of(2031, 6, 2, 10, 0);

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** The Shanghai team with six reps who can log in (李娜, 王伟, Emily Chen of the sub-team, and three more). */
    record Team(OrgFixtures.Org org, List<String> repTokens, List<Rep> reps, String otherRep) {}

    Team team() {
        clock.startAt(NOW.atZone(clock.getZone()).toInstant());
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        List<Rep> reps = new ArrayList<>(List.of(org.liNa(), org.wangWei(), org.emilyChen()));
        for (String name : List.of("赵敏", "孙丽", "周强")) {
            reps.add(fixtures.rep(org.shanghai(), name, OrgFixtures.email("feedback"), OrgFixtures.shanghaiCity()));
        }
        List<String> tokens = new ArrayList<>(List.of(org.rep().token()));
        for (Rep rep : reps.subList(1, reps.size())) {
            tokens.add(fixtures.login(OrgFixtures.username("feedback.rep"), rep.name(), Role.REP, null, rep.id()).token());
        }
        String other = fixtures.login(OrgFixtures.username("feedback.south"), "胡军", Role.REP, null, org.huJun().id()).token();
        return new Team(org, tokens, reps, other);
    }

    long open(Team t) {
        ApiResponse opened = api.as(t.org().manager().token()).post("/api/insights/feedback-cycles", Map.of("teamId", t.org().shanghai().id(),
                "periodStart", "2031-05-01", "periodEnd", "2031-05-31", "closesOn", "2031-06-07"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.tree().path("id").asLong();
    }

    ApiResponse answer(String token, long cycle, int score, String comment) {
        return api.as(token).post("/api/insights/feedback-cycles/" + cycle + "/answer",
                comment == null ? Map.of("score", score) : Map.of("score", score, "comment", comment));
    }

    @Test
    void theTeamIsAskedAndEachRepAnswersOnceAndOnlyTheTeam() {
        Team t = team();
        long cycle = open(t);
        // every rep of the team and below is told, in their inbox; the other team's rep is not
        for (String token : t.repTokens()) {
            assertThat(api.as(token).get("/api/inbox").body()).contains("/insights/feedback/" + cycle);
            assertThat(api.as(token).get("/insights/home/feedback").body()).contains("home-feedback-" + cycle);
        }
        assertThat(api.as(t.otherRep()).get("/api/inbox").body()).doesNotContain("/insights/feedback/" + cycle);

        assertThat(answer(t.repTokens().get(0), cycle, 4, "大体公平").status()).isEqualTo(200);
        ApiResponse twice = answer(t.repTokens().get(0), cycle, 1, "再答一次");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(api.as(t.repTokens().get(0)).language("zh-CN").post("/api/insights/feedback-cycles/" + cycle + "/answer",
                Map.of("score", 2)).body()).contains("你已经回答过该问卷");
        assertThat(api.as(t.repTokens().get(0)).get("/api/insights/feedback-cycles/" + cycle).tree().path("answered").asBoolean()).isTrue();
        assertThat(api.as(t.repTokens().get(1)).get("/api/insights/feedback-cycles/" + cycle).tree().path("answered").asBoolean()).isFalse();
        assertThat(api.as(t.repTokens().get(0)).get("/insights/home/feedback").body()).doesNotContain("home-feedback-" + cycle);

        assertThat(answer(t.otherRep(), cycle, 5, null).status()).isEqualTo(404);
        assertThat(api.as(t.otherRep()).get("/api/insights/feedback-cycles/" + cycle).status()).isEqualTo(404);
        assertThat(answer(t.org().manager().token(), cycle, 5, null).status()).isEqualTo(403);
        assertThat(answer(t.repTokens().get(1), cycle, 6, null).status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM insight_feedback_answer WHERE cycle_id = :c").param("c", cycle).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void resultsAreHiddenBelowFiveAnswersAndWhileOpenAndShownFromFive() {
        Team t = team();
        long four = open(t);
        long five = open(t);
        int[] scores = {5, 4, 4, 2, 3};
        for (int i = 0; i < 4; i++) {
            assertThat(answer(t.repTokens().get(i), four, scores[i], "意见" + i).status()).isEqualTo(200);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(answer(t.repTokens().get(i), five, scores[i], i == 2 ? null : "第" + i + "条意见").status()).isEqualTo(200);
        }
        String manager = t.org().manager().token();
        JsonNode open = api.as(manager).get("/api/insights/feedback-cycles/" + five + "/results").tree();
        assertThat(open.path("shown").asBoolean()).isFalse();
        assertThat(open.path("hiddenBecause").asString()).isEqualTo("OPEN");
        assertThat(open.path("distribution").size()).isZero();

        clock.advanceTo(LocalDateTime.of(2031, 6, 8, 9, 0).atZone(clock.getZone()).toInstant());
        assertThat(answer(t.repTokens().get(5), five, 1, null).status()).as("closed").isEqualTo(409);
        JsonNode fewer = api.as(manager).get("/api/insights/feedback-cycles/" + four + "/results").tree();
        assertThat(fewer.path("shown").asBoolean()).isFalse();
        assertThat(fewer.path("hiddenBecause").asString()).isEqualTo("TOO_FEW");
        assertThat(fewer.path("cycle").path("answers").asInt()).isEqualTo(4);
        assertThat(fewer.path("distribution").size()).isZero();
        assertThat(fewer.path("mean").isMissingNode() || fewer.path("mean").isNull()).isTrue();
        assertThat(fewer.toString()).doesNotContain("意见");

        JsonNode shown = api.as(manager).get("/api/insights/feedback-cycles/" + five + "/results").tree();
        assertThat(shown.path("shown").asBoolean()).isTrue();
        List<Integer> distribution = new ArrayList<>();
        shown.path("distribution").forEach(n -> distribution.add(n.asInt()));
        assertThat(distribution).containsExactly(0, 1, 1, 2, 1);
        assertThat(shown.path("mean").asDouble()).isEqualTo((5 + 4 + 4 + 2 + 3) / 5.0);
        Set<String> comments = new HashSet<>();
        shown.path("comments").forEach(c -> comments.add(c.asString()));
        assertThat(comments).containsExactlyInAnyOrder("第0条意见", "第1条意见", "第3条意见", "第4条意见");
        assertThat(shown.path("fairness").path("reps").size()).isEqualTo(t.reps().size());
        // never to another team's manager, nor to a rep or finance
        assertThat(api.as(t.org().southManager().token()).get("/api/insights/feedback-cycles/" + five + "/results").status()).isEqualTo(404);
        assertThat(api.as(t.repTokens().get(0)).get("/api/insights/feedback-cycles/" + five + "/results").status()).isEqualTo(403);
        assertThat(api.as(t.org().finance().token()).get("/api/insights/feedback-cycles/" + five + "/results").status()).isEqualTo(403);
        assertThat(api.as(manager).language("en").get("/insights/feedback/" + five).body()).contains("feedback-distribution", "第1条意见");
        assertThat(api.as(manager).language("en").get("/insights/feedback/" + four).body()).doesNotContain("feedback-distribution", "意见0");
    }

    @Test
    void theStoredAnswersNameNoRepAndNoTime() {
        Team t = team();
        long first = open(t);
        long second = open(t);
        for (int i = 0; i < 5; i++) {
            answer(t.repTokens().get(i), first, 3, null);
            answer(t.repTokens().get(i), second, 3, null);
        }
        List<String> columns = jdbc.sql("""
                SELECT column_name || ':' || data_type FROM information_schema.columns
                WHERE table_name = 'insight_feedback_answer' ORDER BY ordinal_position
                """).query(String.class).list();
        assertThat(columns).containsExactly("cycle_id:bigint", "token:character", "score:smallint", "comment:character varying",
                "answered_on:date");
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM insight_feedback_answer WHERE cycle_id IN (:a, :b)")
                .param("a", first).param("b", second).query().listOfRows();
        assertThat(rows).hasSize(10);
        Set<String> repIds = new HashSet<>();
        t.reps().forEach(r -> repIds.add(String.valueOf(r.id())));
        Set<String> tokensFirst = new HashSet<>();
        Set<String> tokensSecond = new HashSet<>();
        for (Map<String, Object> row : rows) {
            String token = String.valueOf(row.get("token"));
            assertThat(token).matches("[0-9a-f]{64}");
            assertThat(repIds).doesNotContain(token);
            assertThat(row.get("answered_on")).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2031, 6, 2)));
            ((Long) row.get("cycle_id") == first ? tokensFirst : tokensSecond).add(token);
        }
        // a rep's token differs from cycle to cycle: answers cannot be linked across cycles either
        assertThat(tokensFirst).hasSize(5).doesNotContainAnyElementsOf(tokensSecond);
        // nothing else recorded the answers with their author: no audit entry by the reps
        List<String> usernames = jdbc.sql("SELECT u.username FROM app_user u WHERE u.rep_id IN (:reps)")
                .param("reps", t.reps().stream().map(Rep::id).toList()).query(String.class).list();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor IN (:users)").param("users", usernames).query(Long.class).single())
                .isZero();
    }

    @Test
    void openingACycleIsForManagersOfTheTeamAndChecksItsDates() {
        Team t = team();
        assertThat(api.as(t.repTokens().get(0)).post("/api/insights/feedback-cycles", Map.of("teamId", t.org().shanghai().id(),
                "periodStart", "2031-05-01", "periodEnd", "2031-05-31")).status()).isEqualTo(403);
        assertThat(api.as(t.org().southManager().token()).post("/api/insights/feedback-cycles", Map.of("teamId", t.org().shanghai().id(),
                "periodStart", "2031-05-01", "periodEnd", "2031-05-31")).status()).isEqualTo(404);
        ApiResponse backwards = api.as(t.org().manager().token()).post("/api/insights/feedback-cycles", Map.of("teamId", t.org().shanghai().id(),
                "periodStart", "2031-05-31", "periodEnd", "2031-05-01"));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.errorFields()).contains("periodEnd");
        ApiResponse past = api.as(t.org().manager().token()).post("/api/insights/feedback-cycles", Map.of("teamId", t.org().shanghai().id(),
                "periodStart", "2031-04-01", "periodEnd", "2031-04-30", "closesOn", "2031-05-01"));
        assertThat(past.errorFields()).contains("closesOn");
        long cycle = open(t);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'feedback-cycle' AND entity_id = :id")
                .param("id", String.valueOf(cycle)).query(Long.class).single()).isEqualTo(1);
    }
}
