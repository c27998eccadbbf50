package dev.fairlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Viewer;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealCommand;
import dev.fairlead.deals.DealService;
import dev.fairlead.deals.StageMove;
import dev.fairlead.support.Api;
import dev.fairlead.support.Browser;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 9's browser test, in Chinese: 李娜 splits her won deal 60/40 with 胡军 of Shenzhen on the deal
 * page (a split that does not add up comes back with her values and a field message), her manager
 * approves it on the queue page and finance confirms it with bulk confirm.
 */
@IntegrationTest
class ManagerApprovesAndFinanceConfirmsASplitDealBrowserIT {

    @LocalServerPort int port;
    @Autowired OrgFixtures orgs;
    @Autowired DealService deals;
    @Autowired Api api;

    WebDriver driver;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aRepSplitsAWonDealTheManagerApprovesAndFinanceConfirms() {
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        Deal deal = deals.create(Viewer.system(), new DealCommand("华东物流跨区项目 #" + org.n(), null, null, org.liNa().id(),
                new BigDecimal("120000.05"), null, "negotiation", null, null, null));
        deals.move(Viewer.system(), deal.id(), StageMove.to("won"));

        signIn(org.rep().username(), "/deals/" + deal.id());
        wait(ExpectedConditions.presenceOfElementLocated(By.id("credit-form")));
        new Select(driver.findElement(By.id("credit-policy"))).selectByValue("MANUAL");
        new Select(driver.findElement(By.id("credit-share-rep-0"))).selectByValue(String.valueOf(org.liNa().id()));
        driver.findElement(By.id("credit-share-percent-0")).sendKeys("60");
        new Select(driver.findElement(By.id("credit-share-rep-1"))).selectByValue(String.valueOf(org.huJun().id()));
        driver.findElement(By.id("credit-share-percent-1")).sendKeys("30");
        driver.findElement(By.id("credit-evidence")).sendKeys("合同 HT-2026-221，已回款");
        click("credit-submit");
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("error-shares"), "不是 100%"));
        assertThat(driver.findElement(By.id("credit-share-percent-1")).getAttribute("value")).isEqualTo("30");
        assertThat(driver.findElement(By.id("credit-evidence")).getAttribute("value")).isEqualTo("合同 HT-2026-221，已回款");

        new Select(driver.findElement(By.id("credit-policy"))).selectByValue("CROSS_REGION");
        new Select(driver.findElement(By.id("credit-helper"))).selectByValue(String.valueOf(org.huJun().id()));
        click("credit-submit");
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("credit-message"), "已通知经理"));
        assertThat(driver.findElement(By.id("credit-entries")).getText()).contains("已提交").contains("72000.03").contains("48000.02");
        JsonNode entry = api.as(org.rep().token()).get("/api/credit/deals/" + deal.id() + "/entries").tree().get(0);
        long id = entry.path("id").asLong();
        driver.quit();

        signIn(org.manager().username(), "/credit/queue");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("approval-row-" + id)));
        assertThat(driver.findElement(By.id("approval-row-" + id)).getText()).contains("李娜").contains("胡军");
        click("approve-" + id);
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("credit-done"), "已审批通过"));
        Browser.screenshot(driver, "credit-approved-zh");
        driver.quit();

        signIn(org.finance().username(), "/credit/queue");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("finance-row-" + id)));
        click("select-" + id);
        click("bulk-confirm");
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-result"), "已确认 1 条"));
        Browser.screenshot(driver, "credit-confirmed-zh");

        JsonNode confirmed = api.as(org.finance().token()).get("/api/credit/entries/" + id).tree();
        assertThat(confirmed.path("state").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("shares").get(1).path("repName").asString()).isEqualTo("胡军");
    }

    private void signIn(String username, String path) {
        driver = Browser.start();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(OrgFixtures.PASSWORD);
        click("login-submit");
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
        driver.get(url(path + "?lang=zh-CN"));
    }

    private void click(String id) {
        Browser.click(driver, By.id(id));
    }

    private <T> T wait(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
