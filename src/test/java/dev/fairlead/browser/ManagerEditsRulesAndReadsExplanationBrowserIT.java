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
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.support.Browser;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ManagerEditsRulesAndReadsExplanationBrowserIT {

    @LocalServerPort
    int port;

    @Autowired OrgFixtures fixtures;
    @Autowired LeadService leads;
    @Autowired RuleSetService ruleSets;

    WebDriver driver;

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
    void managerWritesARuleBacktestsItAndReadsWhyALeadWentWhereItWent() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        Viewer director = new Viewer(org.director().user().id(), org.director().username(), Role.DIRECTOR, null, null);
        RuleSetView draft = ruleSets.createDraft(director, null, "上海轮询");
        ruleSets.updateDraft(director, draft.id(), new RuleSetCommand("上海轮询", List.of(new RuleDefinition(null, "上海一组轮询",
                Match.ALL, List.of(), TargetKind.TEAM, org.shanghai().id(), true, List.of(), null, StrategyKind.ROUND_ROBIN, false,
                false, null, null, null, null, null)), null));
        ruleSets.activate(director, draft.id(), "browser test");
        Lead lead = null;
        for (int i = 0; i < 5; i++) {
            lead = leads.create(new LeadCommand(LeadSource.WEB_FORM, "上海浏览器测试机械 " + i, "周杰", "采购总监", "1391234" + (5000 + i),
                    null, "manufacturing", null, "310000", "310100", null, "crm", new BigDecimal("120000"), List.of()));
        }
        logIn(org.manager().username());

        click("nav-routing");
        click("new-draft");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("add-rule")));
        assertThat(driver.findElement(By.id("rule-set-status")).getText()).isEqualTo("draft");
        click("add-rule");
        fill("name", "上海制造业 · 积分制");
        click("add-condition");
        new Select(last("conditionField")).selectByValue("CITY");
        new Select(last("conditionOperator")).selectByValue("IN");
        last("conditionValues").sendKeys("310100");
        new Select(driver.findElement(By.id("targetKind"))).selectByValue("TEAM");
        new Select(driver.findElement(By.id("teamId"))).selectByVisibleText(org.shanghai().name());
        new Select(driver.findElement(By.id("strategy"))).selectByValue("FAIRNESS_POINTS");
        click("save-rule");

        wait(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        List<WebElement> rules = driver.findElements(By.cssSelector("tr.rule-row"));
        assertThat(rules.get(rules.size() - 1).getText()).contains("上海制造业 · 积分制").contains("City is one of 310100").contains("Fairness points");
        Browser.click(driver, By.xpath("(//tr[contains(@class, 'rule-row')])[last()]//button[@value='up']"));
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-0"), "上海制造业 · 积分制"));
        Browser.screenshot(driver, "routing-draft");

        click("backtest-draft");
        click("start-backtest");
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#backtest-chart canvas")));
        assertThat(driver.findElement(By.id("backtest-status")).getText()).startsWith("Done");
        // htmx settles the swapped bar from its old width, and Bootstrap animates the width: until then a
        // zero-width bar reads as hidden, so wait for the final state rather than reading it at once.
        wait(ExpectedConditions.textToBe(By.id("backtest-bar"), "100%"));
        assertThat(driver.findElement(By.id("backtest-summary")).getText()).contains("Share pooled").contains("Gini of expected value");
        Browser.screenshot(driver, "routing-backtest");

        driver.get(url("/routing/leads/" + lead.id()));
        Browser.screenshot(driver, "routing-lead-assignment");
        WebElement why = wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assignment-panel .assignment-why")));
        assertThat(why.getText()).isNotBlank();
        WebElement details = driver.findElement(By.cssSelector("#assignment-panel .assignment-details"));
        assertThat(details.getAttribute("open")).as("the full trace is folded below the summary").isNull();
        Browser.click(driver, By.cssSelector("#assignment-panel .assignment-details > summary"));
        WebElement winner = driver.findElement(By.cssSelector("#assignment-panel tr.winner"));
        assertThat(driver.findElement(By.cssSelector("#assignment-panel .assignment-summary")).getText())
                .startsWith(winner.findElement(By.tagName("span")).getText() + ": ").contains("next in turn");
        assertThat(driver.findElement(By.cssSelector("#assignment-panel .assignment-outcome")).getText())
                .contains(winner.findElement(By.tagName("span")).getText());
        assertThat(driver.findElements(By.cssSelector("#assignment-panel tr.candidate")).size()).isGreaterThan(1);
        Browser.screenshot(driver, "routing-explanation");
    }

    private void logIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(OrgFixtures.PASSWORD);
        click("login-submit");
    }

    private WebElement last(String name) {
        List<WebElement> all = driver.findElements(By.name(name));
        return all.get(all.size() - 1);
    }

    private <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
    }

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
