package dev.fairlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.deals.ConvertLeadCommand;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealService;
import dev.fairlead.leads.Lead;
import dev.fairlead.support.Browser;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@WorkflowIntegrationTest
class RepFollowsUpOnADealBrowserIT {

    @LocalServerPort int port;
    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired DealService deals;

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
    void aRepLogsAFollowUpAndAddsATaskOnADealAndFindsBothOnTheCustomerPage() {
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        Lead lead = leads.ownedBy(org.liNa());
        Deal deal = deals.convertLead(WorkLeadFixtures.repViewer(org.rep(), org.liNa()), lead.id(),
                new ConvertLeadCommand("年度CRM采购 Annual CRM #" + org.n(), null, null, null, null));

        logIn(org.rep().username());
        driver.get(url("/deals/" + deal.id()));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("add-task-title"))).sendKeys("发送合同草稿 Send the draft contract");
        click("add-task");
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("lead-task-list"), "发送合同草稿 Send the draft contract"));
        assertThat(driver.getCurrentUrl()).endsWith("/deals/" + deal.id());

        wait(ExpectedConditions.presenceOfElementLocated(By.id("follow-up-form")));
        new Select(driver.findElement(By.id("follow-up-kind"))).selectByValue("VISIT");
        new Select(driver.findElement(By.id("follow-up-outcome"))).selectByValue("POSITIVE");
        driver.findElement(By.id("follow-up-notes")).sendKeys("拜访了采购总监，确认预算");
        click("log-follow-up");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("follow-up-logged")));
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-up-list"), "拜访了采购总监，确认预算"));
        Browser.screenshot(driver, "deal-follow-ups-and-tasks");

        click("deal-customer");
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("customer-deals"), deal.name()));
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-up-list"), "拜访了采购总监，确认预算"));
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("lead-task-list"), "发送合同草稿 Send the draft contract"));

        click("nav-tasks");
        WebElement dealLink = wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-card a.task-deal")));
        assertThat(dealLink.getText()).contains(deal.name());
        assertThat(dealLink.getAttribute("href")).endsWith("/deals/" + deal.id());
    }

    private void logIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(OrgFixtures.PASSWORD);
        click("login-submit");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    }

    /** Finds the element afresh on each try: a panel that htmx reloads replaces it. */
    private void click(String id) {
        Browser.click(driver, By.id(id));
    }

    private <T> T wait(ExpectedCondition<T> condition) {
        // htmx swaps the element being watched; a stale reference means "look again", not a failure.
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
