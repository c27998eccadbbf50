package dev.fairlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamCommand;
import dev.fairlead.org.TeamKind;
import dev.fairlead.org.TeamService;
import dev.fairlead.org.UserCommand;
import dev.fairlead.org.UserService;
import dev.fairlead.support.Browser;
import dev.fairlead.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagerCreatesRepBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    TeamService teams;

    @Autowired
    UserService users;

    WebDriver driver;
    Team shanghai;

    @BeforeAll
    void organisationWithAManager() {
        Viewer system = Viewer.system();
        Team company = teams.create(system, new TeamCommand("东方贸易 Orient Trading", TeamKind.COMPANY, null, null));
        Team east = teams.create(system, new TeamCommand("华东大区", TeamKind.REGION, company.id(), null));
        shanghai = teams.create(system, new TeamCommand("上海一组", TeamKind.TEAM, east.id(), null));
        teams.create(system, new TeamCommand("华南大区", TeamKind.REGION, company.id(), null));
        users.create(system, new UserCommand("qian.manager", "钱经理", "qian@orient.example", Role.MANAGER, shanghai.id(),
                null, "en", true, "correct-horse-42", null));
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
    void managerSwitchesToChineseCreatesRepWithTerritoryAndSeesTheAuditEntry() {
        logIn();
        assertThat(driver.findElement(By.id("nav-reps")).getText()).isEqualTo("Reps");

        WebElement before = driver.findElement(By.tagName("html"));
        click("lang-zh");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(before)); // the page reloads in Chinese
        assertThat(driver.findElement(By.id("nav-reps")).getText()).isEqualTo("销售人员");
        Browser.screenshot(driver, "home-zh");

        click("nav-reps");
        click("new-rep");
        fill("name", "王小明");
        new Select(driver.findElement(By.id("teamId"))).selectByVisibleText("上海一组");
        fill("email", "wang.xiaoming@orient.example");
        fill("phone", "12345");
        new Select(driver.findElement(By.id("tier"))).selectByValue("SENIOR");
        fill("industries", "manufacturing, retail");
        fill("maxOpenLeads", "60");
        click("add-territory");
        List<WebElement> kinds = driver.findElements(By.name("territoryKind"));
        new Select(kinds.get(kinds.size() - 1)).selectByValue("CITY");
        List<WebElement> codes = driver.findElements(By.name("territoryCode"));
        codes.get(codes.size() - 1).sendKeys("4403", Keys.ESCAPE);
        click("save-rep");

        assertThat(driver.findElement(By.id("error-phone")).getText()).contains("不是有效的电话号码");
        assertThat(driver.findElement(By.name("territoryCode")).getAttribute("value")).isEqualTo("4403");
        Browser.screenshot(driver, "rep-form-error-zh");

        fill("phone", "13812345678");
        click("save-rep");

        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.id("rep-name")));
        assertThat(driver.findElement(By.id("rep-name")).getText()).isEqualTo("王小明");
        assertThat(driver.findElement(By.id("rep-territories")).getText()).contains("广东省 深圳市").contains("440300");
        String repUrl = driver.getCurrentUrl();
        String repId = repUrl.substring(repUrl.lastIndexOf('/') + 1);
        Browser.screenshot(driver, "rep-detail-zh");

        click("nav-group-operations"); // the audit trail sits in the Operations menu
        click("nav-audit");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.audit-entry")));
        WebElement entry = driver.findElements(By.cssSelector("tr.audit-entry")).stream()
                .filter(row -> !row.findElements(By.cssSelector("a[href$='/reps/" + repId + "']")).isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no audit entry for rep " + repId));
        assertThat(entry.getText()).contains("qian.manager").contains("创建").doesNotContain("CREATE").contains("440300");
        Browser.screenshot(driver, "audit-zh");
    }

    @Test
    void homeAndRepListFitAPhoneScreen() {
        driver.manage().window().setSize(new Dimension(390, 844));
        logIn();
        assertThat(driver.findElement(By.id("nav-reps")).isDisplayed()).isFalse();
        Browser.click(driver, By.cssSelector(".navbar-toggler"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-reps")));
        // A manager's home is the team's day (no organisation overview): its load chart must fit too.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("home-load-summary")));
        if (!driver.findElements(By.id("home-load-chart")).isEmpty()) {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#home-load-chart canvas")));
        }
        assertThat(driver.findElements(By.id("team-tree"))).isEmpty();
        assertNoHorizontalScrolling();
        Browser.screenshot(driver, "home-phone");
        click("nav-reps");
        assertNoHorizontalScrolling();
        Browser.screenshot(driver, "reps-phone");
    }

    private void assertNoHorizontalScrolling() {
        Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow.intValue()).as("page wider than the screen by").isLessThanOrEqualTo(0);
    }

    private void logIn() {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("qian.manager");
        driver.findElement(By.id("password")).sendKeys("correct-horse-42");
        click("login-submit");
    }

    /** Scrolls the element to the middle first, as a person would, so sticky or pop-up elements don't cover it. */
    private void click(String id) {
        Browser.click(driver, By.id(id));
    }

    private void fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
