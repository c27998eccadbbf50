package dev.fairlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealCommand;
import dev.fairlead.deals.DealService;
import dev.fairlead.deals.StageMove;
import dev.fairlead.org.Rep;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamKind;
import dev.fairlead.support.Api;
import dev.fairlead.support.Browser;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The "done when" of the goals issue: a director sets the year's revenue goal, splits it to the
 * teams, adjusts one team by hand, splits that team's year into months and this month to its reps;
 * a rep then sees their monthly goal with its pace.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectorDecomposesAnnualGoalBrowserIT {

    @LocalServerPort int port;
    @Autowired java.time.Clock clock;
    @Autowired OrgFixtures fixtures;
    @Autowired DealService deals;
    @Autowired dev.fairlead.support.ConfirmedResults confirmed;
    @Autowired Api api;

    WebDriver driver;
    Team company;
    Team shanghai;
    Rep liNa;
    String directorName;
    String repName;
    String repToken;
    Deal openDeal;

    @BeforeAll
    void companyWithTwoTeamsADirectorAndARep() {
        company = fixtures.team("远航贸易 Voyage Trading " + OrgFixtures.username("co"), TeamKind.COMPANY, null);
        shanghai = fixtures.team("上海组", TeamKind.TEAM, company);
        Team shenzhen = fixtures.team("深圳组", TeamKind.TEAM, company);
        liNa = fixtures.rep(shanghai, "李娜", OrgFixtures.email("li.na"), OrgFixtures.shanghaiCity());
        fixtures.rep(shanghai, "王伟", OrgFixtures.email("wang.wei"), OrgFixtures.shanghaiCity());
        fixtures.rep(shenzhen, "胡军", OrgFixtures.email("hu.jun"), OrgFixtures.shenzhenCity());
        directorName = OrgFixtures.username("zhou.director");
        repName = OrgFixtures.username("li.na");
        fixtures.login(directorName, "周总监", Role.DIRECTOR, null, null);
        repToken = fixtures.login(repName, "李娜", Role.REP, null, liNa.id()).token();
        Deal deal = deals.create(Viewer.system(), new DealCommand("上海汽配年度订单", null, null, liNa.id(), new BigDecimal("50000"), null,
                "negotiation", null, null, null));
        deals.move(Viewer.system(), deal.id(), StageMove.to("won"));
        confirmed.confirm(deal.id()); // revenue is confirmed credit (decision 0502)
        openDeal = deals.create(Viewer.system(), new DealCommand("苏州工业园 CRM 二期", null, null, liNa.id(), new BigDecimal("260000"), null,
                null, null, null, null));
    }

    @BeforeEach
    void openBrowser() {
        driver = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void directorDecomposesTheYearToTeamsAndMonthsAdjustsOneTeamAndARepSeesTheirMonthAndPace() {
        String year = String.valueOf(LocalDate.now(clock).getYear());
        String month = YearMonth.now(clock).toString();
        logIn(directorName);

        click("nav-goals");
        new Select(driver.findElement(By.id("goal-metric"))).selectByValue("REVENUE");
        new Select(driver.findElement(By.id("goal-unit"))).selectByValue("team:" + company.id());
        fill("goal-period", year);
        fill("goal-target", "12000000");
        submit("create-goal");
        assertThat(driver.findElement(By.id("goal-target")).getText()).contains("12,000,000.00");

        split("ORG", "EQUAL", null, "按团队平均");
        assertThat(childRow("上海组").getText()).contains("6,000,000.00");
        assertThat(childRow("深圳组").getText()).contains("6,000,000.00");
        assertThat(driver.findElement(By.id("goal-gap")).getText()).contains("add up exactly");

        WebElement shanghaiRow = childRow("上海组");
        shanghaiRow.findElement(By.name("target")).sendKeys("7000000");
        shanghaiRow.findElement(By.name("reason")).sendKeys("上海新签两个大客户");
        submit(shanghaiRow.findElement(By.cssSelector("button[type=submit]")));
        assertThat(driver.findElement(By.id("goal-gap")).getText()).contains("13,000,000.00").contains("-1,000,000.00");
        Browser.screenshot(driver, "goal-adjusted-gap");

        split("ORG", "EQUAL", null, "保留上海的调整");
        assertThat(childRow("上海组").getText()).contains("7,000,000.00");
        assertThat(childRow("深圳组").getText()).contains("5,000,000.00");
        assertThat(driver.findElement(By.id("goal-gap")).getText()).contains("add up exactly");

        submit(childRow("上海组").findElement(By.tagName("a")));
        assertThat(driver.findElement(By.id("goal-history")).getText()).contains("Adjusted").contains("上海新签两个大客户");
        split("CALENDAR", "WORKING_DAYS", "MONTH", null);
        assertThat(driver.findElements(By.cssSelector("#goal-children tbody tr"))).hasSize(12);
        assertThat(driver.findElement(By.id("goal-gap")).getText()).contains("add up exactly");

        submit(childRow(month).findElement(By.tagName("a")));
        split("ORG", "EQUAL", null, null);
        assertThat(driver.findElements(By.cssSelector("#goal-children tbody tr"))).hasSize(2);
        Browser.screenshot(driver, "goal-month-to-reps");

        driver.get("http://localhost:" + port + "/deals/board?teamId=" + shanghai.id());
        assertThat(driver.findElement(By.id("column-contact")).getText()).contains("苏州工业园 CRM 二期");
        // the drop handler's own path: HTML5 drag-and-drop cannot be synthesised reliably by WebDriver
        ((JavascriptExecutor) driver).executeScript("fairleadMoveDeal(arguments[0], 'proposal')", openDeal.id());
        new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class) // htmx swaps the board
                .until(d -> d.findElement(By.id("column-proposal")).getText().contains("苏州工业园"));
        assertThat(driver.findElement(By.id("column-contact")).getText()).doesNotContain("苏州工业园");
        Browser.screenshot(driver, "deal-board");
        click("logout");

        logIn(repName);
        click("nav-goals");
        click("tab-my-goals");
        JsonNode mine = api.as(repToken).get("/api/goals/mine").tree();
        assertThat(mine).hasSize(1);
        long goalId = mine.get(0).path("goal").path("id").asLong();
        assertThat(mine.get(0).path("goal").path("period").path("kind").asString()).isEqualTo("MONTH");
        WebElement card = driver.findElement(By.id("my-goal-" + goalId));
        assertThat(card.getText()).contains("Revenue · " + month).contains("李娜").contains("50,000.00").contains("of the time gone");
        String target = String.format("%,.2f", mine.get(0).path("goal").path("target").decimalValue());
        assertThat(driver.findElement(By.id("my-goal-target-" + goalId)).getText()).isEqualTo(target);
        assertThat(driver.findElement(By.id("my-goal-status-" + goalId)).getText()).isNotBlank();
        assertThat(driver.findElements(By.cssSelector("#gauge-" + goalId + " canvas"))).isNotEmpty();

        WebElement before = driver.findElement(By.tagName("html"));
        click("lang-zh");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(before)); // the page reloads in Chinese
        assertThat(driver.findElement(By.id("my-goal-" + goalId)).getText()).contains("业绩（收入） · " + month).contains("时间已过");
        Browser.screenshot(driver, "rep-my-goals-zh");
    }

    private void split(String axis, String method, String granularity, String reason) {
        new Select(driver.findElement(By.id("split-axis"))).selectByValue(axis);
        new Select(driver.findElement(By.id("split-method"))).selectByValue(method);
        if (granularity != null) {
            new Select(driver.findElement(By.id("split-granularity"))).selectByValue(granularity);
        }
        if (reason != null) {
            fill("split-reason", reason);
        }
        submit("split-submit");
    }

    /** Clicks and waits until the browser has left the current page. */
    private void submit(String id) {
        submit(driver.findElement(By.id(id)));
    }

    private void submit(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
        waitFor("goal-title");
    }

    private WebElement childRow(String text) {
        List<WebElement> rows = driver.findElements(By.cssSelector("#goal-children tbody tr"));
        return rows.stream().filter(r -> r.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no child row with " + text));
    }

    private void logIn(String username) {
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(OrgFixtures.PASSWORD);
        click("login-submit");
        waitFor("nav-goals");
    }

    private void waitFor(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    private void click(String id) {
        Browser.click(driver, By.id(id));
    }

    private void fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }
}
