package dev.fairlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadService;
import dev.fairlead.notify.Notice;
import dev.fairlead.notify.Notifications;
import dev.fairlead.pool.PoolCommand;
import dev.fairlead.pool.PoolService;
import dev.fairlead.support.Browser;
import dev.fairlead.support.WorkLeadFixtures;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkflowIntegrationTest;
import dev.fairlead.work.Task;
import dev.fairlead.work.TaskCommand;
import dev.fairlead.work.TaskService;
import java.time.Clock;
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

@WorkflowIntegrationTest
class RepWorksLeadsAndPoolBrowserIT {

    @LocalServerPort int port;
    @Autowired OrgFixtures orgs;
    @Autowired WorkLeadFixtures leads;
    @Autowired LeadService leadService;
    @Autowired TaskService tasks;
    @Autowired PoolService pools;
    @Autowired Notifications notifications;
    @Autowired Clock clock;

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
    void aRepFollowsUpCompletesATaskAndReleasesALeadThatAnotherRepClaims() {
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        OrgFixtures.Login wangWei = orgs.login(OrgFixtures.username("wang.wei"), "王伟", Role.REP, null, org.wangWei().id());
        pools.create(Viewer.system(), new PoolCommand("华东公海 East pool #" + org.n(), null, 5, null, false, 7,
                List.of(org.eastChina().id()), List.of(), null));
        Lead lead = leads.ownedBy(org.liNa());
        Task quote = tasks.create(WorkLeadFixtures.repViewer(org.rep(), org.liNa()), new TaskCommand("准备报价 Prepare the quote", null,
                null, "PROPOSAL", true, true, clock.instant().plus(Duration.ofDays(1)), lead.id(), null, null));
        notifications.toRep(org.liNa().id(), Notice.of("work.task.DUE_SOON", "/tasks", quote.title(), quote.dueAt()));

        logIn(org.rep().username());
        assertThat(driver.findElement(By.id("nav-inbox-badge")).getText()).isEqualTo("1");
        click("nav-tasks");
        WebElement card = driver.findElement(By.cssSelector("#quadrant-DO_FIRST #task-" + quote.id()));
        assertThat(card.getText()).contains("准备报价 Prepare the quote");
        Browser.screenshot(driver, "tasks-board");
        Browser.click(driver, By.cssSelector("#quadrant-DO_FIRST #task-" + quote.id() + " a[href*='/work/leads/']"));

        wait(ExpectedConditions.presenceOfElementLocated(By.id("follow-up-form")));
        new Select(driver.findElement(By.id("follow-up-kind"))).selectByValue("WECHAT");
        new Select(driver.findElement(By.id("follow-up-outcome"))).selectByValue("POSITIVE");
        driver.findElement(By.id("follow-up-notes")).sendKeys("客户要求周五前收到报价");
        driver.findElement(By.id("follow-up-next-step")).sendKeys("Send the quote");
        click("log-follow-up");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("follow-up-logged")));
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-up-list"), "客户要求周五前收到报价"));
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("work-timeline"), "客户要求周五前收到报价"));
        Browser.screenshot(driver, "lead-follow-up");

        click("nav-tasks");
        click("done-" + quote.id());
        wait(ExpectedConditions.attributeToBe(By.id("task-" + quote.id()), "data-status", "DONE"));
        Browser.screenshot(driver, "tasks-board-done");

        driver.get(url("/work/leads/" + lead.id()));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("release-form")));
        driver.findElement(By.id("release-reason")).sendKeys("客户转到华南分公司采购");
        click("release-lead");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("released")));
        assertThat(leadService.getForSystem(lead.id()).owned()).isFalse();
        click("logout");

        logIn(wangWei.username());
        click("nav-pool");
        Browser.click(driver, By.linkText("华东公海 East pool #" + org.n()));
        WebElement row = driver.findElement(By.id("pool-lead-" + lead.id()));
        assertThat(row.getText()).contains("李娜");
        Browser.screenshot(driver, "pool-before-claim");
        click("claim-" + lead.id());

        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".claim-result")));
        assertThat(driver.findElement(By.id("claim-results")).getText()).contains("is yours now");
        assertThat(driver.findElements(By.id("pool-lead-" + lead.id()))).isEmpty();
        assertThat(leadService.getForSystem(lead.id()).ownerRepId()).isEqualTo(org.wangWei().id());
        Browser.screenshot(driver, "pool-after-claim");
    }

    private void logIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(OrgFixtures.PASSWORD);
        click("login-submit");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    }

    private void click(String id) {
        Browser.click(driver, By.id(id));
    }

    private <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        // htmx swaps the element being watched; a stale reference means "look again", not a failure.
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
