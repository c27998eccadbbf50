package dev.fairlead.org;

import static dev.fairlead.support.OrgFixtures.email;
import static dev.fairlead.support.OrgFixtures.repJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.OrgFixtures.Org;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepApiIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;

    Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    @Test
    void createsARepWithTerritoriesCapacityAndWorkingDays() {
        String email = email("zhou.ting");
        Map<String, Object> body = repJson(org.shenzhen().id(), "周婷", email);
        body.put("territories", List.of(
                Map.of("kind", "PROVINCE", "code", "44"),
                Map.of("kind", "CITY", "code", "4403"),
                Map.of("kind", "POSTAL_PREFIX", "code", "518")));
        body.put("workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"));

        ApiResponse created = api.as(org.admin().token()).post("/api/reps", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Rep rep = created.as(Rep.class);
        assertThat(rep.name()).isEqualTo("周婷");
        assertThat(rep.teamId()).isEqualTo(org.shenzhen().id());
        assertThat(rep.teamName()).isEqualTo("深圳组 Shenzhen");
        assertThat(rep.email()).isEqualTo(email);
        assertThat(rep.phone()).isEqualTo("13912345678");
        assertThat(rep.tier()).isEqualTo(Tier.SENIOR);
        assertThat(rep.industries()).containsExactly("manufacturing", "retail");
        assertThat(rep.languages()).containsExactly("zh", "en");
        assertThat(rep.weight()).isEqualTo(15);
        assertThat(rep.maxOpenLeads()).isEqualTo(60);
        assertThat(rep.maxNewPerDay()).isEqualTo(8);
        assertThat(rep.maxNewPerMonth()).isEqualTo(120);
        assertThat(rep.workingDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        assertThat(rep.hireDate()).isEqualTo(LocalDate.of(2022, 9, 1));
        assertThat(rep.active()).isTrue();
        assertThat(rep.territories()).containsExactlyInAnyOrder(
                new Territory(TerritoryKind.PROVINCE, "440000"),
                new Territory(TerritoryKind.CITY, "440300"),
                new Territory(TerritoryKind.POSTAL_PREFIX, "518"));

        assertThat(api.as(org.director().token()).get("/api/reps/" + rep.id()).as(Rep.class)).isEqualTo(rep);
    }

    @Test
    void updatesCapacityAndTerritoriesWithTheCurrentVersion() {
        Rep rep = fixtures.rep(org.shenzhen(), "林峰", email("lin.feng"), OrgFixtures.shenzhenCity());
        Map<String, Object> body = repJson(org.shenzhen().id(), "林峰", rep.email());
        body.put("maxNewPerDay", 3);
        body.put("territories", List.of(Map.of("kind", "CITY", "code", "440100")));
        body.put("version", rep.version());

        ApiResponse updated = api.as(org.admin().token()).put("/api/reps/" + rep.id(), body);

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        Rep after = updated.as(Rep.class);
        assertThat(after.maxNewPerDay()).isEqualTo(3);
        assertThat(after.territories()).containsExactly(new Territory(TerritoryKind.CITY, "440100"));
        assertThat(after.version()).isEqualTo(rep.version() + 1);
    }

    @Test
    void refusesAnUpdateBasedOnAStaleVersionAndKeepsTheNewerOne() {
        Rep rep = fixtures.rep(org.shenzhen(), "罗刚", email("luo.gang"), OrgFixtures.shenzhenCity());
        Map<String, Object> first = repJson(org.shenzhen().id(), "罗刚", rep.email());
        first.put("weight", 20);
        first.put("version", rep.version());
        assertThat(api.as(org.admin().token()).put("/api/reps/" + rep.id(), first).status()).isEqualTo(200);

        Map<String, Object> second = repJson(org.shenzhen().id(), "罗刚", rep.email());
        second.put("weight", 1);
        second.put("version", rep.version());
        ApiResponse stale = api.as(org.director().token()).put("/api/reps/" + rep.id(), second);

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.tree().path("code").asString()).isEqualTo("stale");
        assertThat(api.as(org.admin().token()).get("/api/reps/" + rep.id()).as(Rep.class).weight()).isEqualTo(20);
    }

    @Test
    void rejectsAPhoneThatIsNotAPhoneNumberAndWritesNothing() {
        String email = email("bad.phone");
        Map<String, Object> body = repJson(org.shanghai().id(), "杨帆", email);
        body.put("phone", "12345");

        ApiResponse refused = api.as(org.admin().token()).post("/api/reps", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.errorFields()).containsExactly("phone");
        assertThat(refused.errorMessage("phone")).startsWith("is not a valid phone number");
        assertThat(repsWithEmail(email)).isZero();
    }

    @Test
    void acceptsALandlineAndAnInternationalNumber() {
        Map<String, Object> landline = repJson(org.shanghai().id(), "陈静", email("chen.jing"));
        landline.put("phone", "021-62345678");
        Map<String, Object> international = repJson(org.shanghai().id(), "赵磊", email("zhao.lei"));
        international.put("phone", "+8613812345678");

        assertThat(api.as(org.admin().token()).post("/api/reps", landline).status()).isEqualTo(201);
        assertThat(api.as(org.admin().token()).post("/api/reps", international).status()).isEqualTo(201);
    }

    @Test
    void namesTheTerritoryThatIsNotARealPlace() {
        String email = email("bad.territory");
        Map<String, Object> body = repJson(org.shanghai().id(), "张敏", email);
        body.put("territories", List.of(Map.of("kind", "CITY", "code", "9999"), Map.of("kind", "CITY", "code", "3101")));

        ApiResponse refused = api.as(org.admin().token()).post("/api/reps", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("territories[0].code");
        assertThat(refused.errorMessage("territories[0].code")).isEqualTo("'9999' is not a known province, city or postal prefix");
        assertThat(repsWithEmail(email)).isZero();
    }

    @Test
    void refusesADailyCapAboveTheMonthlyCap() {
        Map<String, Object> body = repJson(org.shanghai().id(), "刘洋", email("liu.yang"));
        body.put("maxNewPerDay", 50);
        body.put("maxNewPerMonth", 40);

        ApiResponse refused = api.as(org.admin().token()).post("/api/reps", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("maxNewPerDay");
        assertThat(refused.errorMessage("maxNewPerDay")).isEqualTo("Daily cap cannot exceed the monthly cap");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, Object> body = repJson(org.shanghai().id(), "", "not-an-email");
        body.put("phone", "12345");
        body.put("weight", 1001);
        body.put("workingDays", List.of());

        ApiResponse refused = api.as(org.admin().token()).post("/api/reps", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("name", "email", "phone", "weight", "workingDays");
        assertThat(refused.errorMessage("weight")).isEqualTo("must be at most 1000");
        assertThat(refused.errorMessage("workingDays")).isEqualTo("needs at least one working day");
    }

    @Test
    void explainsProblemsInChineseWhenAskedInChinese() {
        Map<String, Object> body = repJson(org.shanghai().id(), "孙强", "not-an-email");
        body.put("phone", "12345");
        body.put("weight", 0);
        body.put("territories", List.of(Map.of("kind", "PROVINCE", "code", "99")));

        ApiResponse refused = api.as(org.admin().token()).language("zh-CN").post("/api/reps", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.tree().path("title").asString()).isEqualTo("输入有误");
        assertThat(refused.errorMessage("phone")).startsWith("不是有效的电话号码");
        assertThat(refused.errorMessage("email")).isEqualTo("不是有效的邮箱地址");
        assertThat(refused.errorMessage("weight")).isEqualTo("不能小于 1");
        assertThat(refused.errorMessage("territories[0].code")).isEqualTo("“99”不是已知的省份、城市或邮编前缀");
    }

    @Test
    void namesTheFieldWhoseValueHasTheWrongType() {
        Map<String, Object> body = repJson(org.shanghai().id(), "马超", email("ma.chao"));
        body.put("maxOpenLeads", "lots");

        ApiResponse refused = api.as(org.admin().token()).post("/api/reps", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("maxOpenLeads");
    }

    @Test
    void anIdThatIsNotANumberIsABadRequestNamingTheParameter() {
        ApiResponse refused = api.as(org.admin().token()).get("/api/reps/li-na");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("id");
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        ApiResponse refused = api.as(org.admin().token()).post("/api/reps", "{\"name\": ");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("body");
    }

    @Test
    void twoRepsCannotShareAnEmail() {
        ApiResponse refused = api.as(org.admin().token())
                .post("/api/reps", repJson(org.shanghai().id(), "李娜 (2)", org.liNa().email().toUpperCase()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("email");
        assertThat(refused.errorMessage("email")).isEqualTo("Another rep already uses this e-mail");
    }

    @Test
    void recordsAnOutOfOfficePeriodAndRemovesIt() {
        Rep rep = fixtures.rep(org.shanghai(), "徐丽", email("xu.li"), OrgFixtures.shanghaiCity());
        LocalDate from = LocalDate.of(2026, 10, 1);

        ApiResponse added = api.as(org.admin().token()).post("/api/reps/" + rep.id() + "/absences",
                Map.of("startsOn", from.toString(), "endsOn", from.plusDays(6).toString(), "reason", "国庆节 National Day"));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        Rep away = added.as(Rep.class);
        assertThat(away.absences()).hasSize(1);
        Absence absence = away.absences().get(0);
        assertThat(absence.startsOn()).isEqualTo(from);
        assertThat(absence.endsOn()).isEqualTo(from.plusDays(6));
        assertThat(absence.reason()).isEqualTo("国庆节 National Day");
        assertThat(away.outOfOfficeOn(from.plusDays(3))).isTrue();
        assertThat(away.outOfOfficeOn(from.plusDays(7))).isFalse();

        ApiResponse removed = api.as(org.admin().token()).delete("/api/reps/" + rep.id() + "/absences/" + absence.id());

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.as(Rep.class).absences()).isEmpty();
    }

    @Test
    void refusesAnAbsenceThatEndsBeforeItStarts() {
        Rep rep = org.wangWei();

        ApiResponse refused = api.as(org.admin().token()).post("/api/reps/" + rep.id() + "/absences",
                Map.of("startsOn", "2026-12-10", "endsOn", "2026-12-01"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("endsOn");
        assertThat(absencesOf(rep.id())).isZero();
    }

    @Test
    void removingAnAbsenceOfAnotherRepIsNotFound() {
        Rep rep = fixtures.rep(org.shanghai(), "吴昊", email("wu.hao"), OrgFixtures.shanghaiCity());
        Rep away = api.as(org.admin().token()).post("/api/reps/" + rep.id() + "/absences",
                Map.of("startsOn", "2026-12-01", "endsOn", "2026-12-02")).as(Rep.class);
        long absenceId = away.absences().get(0).id();

        ApiResponse wrongRep = api.as(org.admin().token()).delete("/api/reps/" + org.wangWei().id() + "/absences/" + absenceId);

        assertThat(wrongRep.status()).isEqualTo(404);
        assertThat(absencesOf(rep.id())).isEqualTo(1);
    }

    @Test
    void filtersRepsByTeamTierAndText() {
        List<Rep> inShanghaiTree = api.as(org.admin().token()).get("/api/reps?teamId=" + org.shanghai().id()).asListOf(Rep.class);
        List<Rep> byText = api.as(org.admin().token()).get("/api/reps?q=grace.lin." + org.n()).asListOf(Rep.class);

        assertThat(inShanghaiTree).extracting(Rep::id).contains(org.liNa().id(), org.wangWei().id(), org.emilyChen().id())
                .doesNotContain(org.huJun().id(), org.graceLin().id());
        assertThat(byText).extracting(Rep::id).containsExactly(org.graceLin().id());
    }

    private int repsWithEmail(String email) {
        return jdbc.sql("SELECT count(*) FROM rep WHERE lower(email) = lower(:email)").param("email", email).query(Integer.class).single();
    }

    private int absencesOf(long repId) {
        return jdbc.sql("SELECT count(*) FROM rep_absence WHERE rep_id = :id").param("id", repId).query(Integer.class).single();
    }
}
