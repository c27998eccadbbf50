package dev.fairlead.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The working-hours pages as a manager and a director use them: forms that save, refuse bad input in words, and stay in scope. */
@IntegrationTest
class WorkingHoursPagesIT {

    @Autowired OrgFixtures fixtures;
    @Autowired Api api;

    @Test
    void aManagerSetsHerTeamsHoursAndRotaOnItsPage() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String page = "/teams/" + org.shanghai().id() + "/calendar";
        String zh = api.as(org.manager().token()).language("zh-CN").get(page).body();
        assertThat(zh).contains("工作时间").contains("值班安排").contains("都没有设置工作时间");

        ApiResponse wrong = api.as(org.manager().token()).language("zh-CN").postForm(page,
                Map.of("startsAt", "18:00", "endsAt", "09:00", "timeZone", "Asia/Shanghai"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"form-errors\"").contains("必须晚于开始时间");

        ApiResponse saved = api.as(org.manager().token()).postForm(page,
                Map.of("startsAt", "08:30", "endsAt", "17:30", "timeZone", "Asia/Shanghai", "publicHolidays", "true", "holdOffHours", "true"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(api.as(org.manager().token()).get("/api/teams/" + org.shanghai().id() + "/calendar").tree().path("startsAt").asText())
                .isEqualTo("08:30:00");
        assertThat(api.as(org.manager().token()).get("/api/teams/" + org.shanghaiKeyAccounts().id() + "/calendar").tree()
                .path("inherited").asBoolean()).as("the team below works by it").isTrue();

        ApiResponse shift = api.as(org.manager().token()).postForm("/teams/" + org.shanghai().id() + "/duty-shifts",
                Map.of("repId", String.valueOf(org.liNa().id()), "startsAt", "2031-01-04T09:00", "endsAt", "2031-01-04T18:00", "note", "周末值班"));
        assertThat(shift.status()).isEqualTo(302);
        assertThat(api.as(org.manager().token()).get(page).body()).contains("周末值班");
        assertThat(api.as(org.southManager().token()).get(page).status()).isEqualTo(404);
    }

    @Test
    void directorsKeepTheHolidayCalendar() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        assertThat(api.as(org.director().token()).language("zh-CN").get("/calendar/holidays?year=2026").body())
                .contains("国庆节").contains("调休上班");
        ApiResponse missingName = api.as(org.director().token()).language("zh-CN").postForm("/calendar/holidays", Map.of("day", "2031-05-01"));
        assertThat(missingName.body()).contains("id=\"error-name\"");
        assertThat(api.as(org.director().token()).postForm("/calendar/holidays", Map.of("day", "2031-05-01", "name", "劳动节")).status())
                .isEqualTo(302);
        assertThat(api.as(org.director().token()).get("/api/public-holidays?year=2031").body()).contains("劳动节");
        assertThat(api.as(org.manager().token()).get("/calendar/holidays").body()).doesNotContain("id=\"holiday-form\"");
    }
}
