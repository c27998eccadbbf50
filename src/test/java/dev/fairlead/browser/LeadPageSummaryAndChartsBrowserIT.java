package dev.fairlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.routing.RuleDefinition;
import dev.fairlead.routing.RuleSetCommand;
import dev.fairlead.routing.RuleSetService;
import dev.fairlead.routing.RuleSetView;
import dev.fairlead.routing.TargetKind;
import dev.fairlead.routing.domain.Match;
import dev.fairlead.routing.domain.PeriodKind;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.support.Browser;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lead page as a Chinese-reading manager sees it: the explanation's one-line summary first (the trace
 * folded below), the page in two columns on a laptop and one on a phone, and a chart drawn from real data.
 */
@IntegrationTest
class LeadPageSummaryAndChartsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired OrgFixtures fixtures;
    @Autowired LeadService leads;
    @Autowired RuleSetService ruleSets;
    @Autowired MutableClock clock;

    WebDriver driver;

    @BeforeEach
    void openBrowser() {
        driver = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        clock.reset();
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void managerReadsWhyALeadWentWhereItWentInOneChineseLineAndTheLedgerAsAChart() {
        DayOfWeek today = LocalDate.now(clock).getDayOfWeek();
        if (today == DayOfWeek.SATURDAY || today == DayOfWeek.SUNDAY) { // the fixture reps work Monday to Friday
            clock.advance(Duration.ofDays(today == DayOfWeek.SATURDAY ? 2 : 1));
        }
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        Viewer director = new Viewer(org.director().user().id(), org.director().username(), Role.DIRECTOR, null, null);
        RuleSetView draft = ruleSets.createDraft(director, null, "全公司积分制");
        ruleSets.updateDraft(director, draft.id(), new RuleSetCommand("全公司积分制", List.of(new RuleDefinition(null, "全公司 · 区域 · 积分",
                Match.ALL, List.of(), TargetKind.TEAM, org.company().id(), true, List.of(), null, StrategyKind.FAIRNESS_POINTS, true,
                false, PeriodKind.MONTH, 0.0, 1.5, 10.0, Map.of())), null));
        ruleSets.activate(director, draft.id(), "browser test");
        Lead lead = leads.create(new LeadCommand(LeadSource.WEB_FORM, "上海摘要测试机械", "周杰", "采购总监", "13912349876",
                null, "manufacturing", null, "310000", "310100", null, "crm", new BigDecimal("120000"), List.of()));
        String owner = leads.getForSystem(lead.id()).ownerName();
        assertThat(owner).isIn("李娜", "王伟", "Emily Chen");

        logIn(org.director().username());
        driver.get(url("/leads/" + lead.id() + "?lang=zh-CN"));
        WebElement summary = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#assignment-panel .assignment-summary")));
        assertThat(summary.getText()).matches(java.util.regex.Pattern.quote(owner)
                + "：在负责区域内，积分最少（[0-9.]+）；其他人未选中：2 人不在区域内，2 人符合条件但排序靠后");
        assertThat(driver.findElement(By.cssSelector("#assignment-panel .assignment-details")).getAttribute("open")).isNull();
        assertThat(driver.findElement(By.id("tab-assignment-explanation")).getText()).isEqualTo("分配结果与理由");
        Browser.screenshot(driver, "lead-page-zh-laptop");

        WebElement side = driver.findElement(By.id("lead-side"));
        WebElement main = driver.findElement(By.id("lead-main"));
        assertThat(main.getLocation().getX()).as("two columns on a laptop").isGreaterThan(side.getLocation().getX() + side.getSize().getWidth() - 30);
        Browser.click(driver, By.id("tab-lead-history"));
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("pane-lead-history")));
        assertThat(summary.isDisplayed()).as("the explanation tab is hidden while history shows").isFalse();

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#assignment-panel .assignment-summary")));
        Long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no horizontal scroll at 390 px").isLessThanOrEqualTo(0L);
        assertThat(driver.findElement(By.id("lead-main")).getLocation().getY())
                .as("one column on a phone").isGreaterThan(driver.findElement(By.id("lead-fields")).getLocation().getY());
        Browser.screenshot(driver, "lead-page-zh-phone");
        driver.manage().window().setSize(new Dimension(1280, 1000));

        driver.get(url("/routing/ledger?lang=zh-CN"));
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ledger-chart canvas")));
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#ledger-lorenz canvas")));
        assertThat(driver.findElement(By.id("ledger")).getText()).contains(owner);
        Browser.screenshot(driver, "ledger-charts");
    }

    private void logIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(OrgFixtures.PASSWORD);
        Browser.click(driver, By.id("login-submit"));
    }

    private <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
