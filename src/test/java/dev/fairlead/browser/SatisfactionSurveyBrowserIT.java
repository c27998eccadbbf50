package dev.fairlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.Browser;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkLeadFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rep sends a survey from a won deal's page (in Chinese) and copies the link; the customer, in a
 * browser of their own with no login, opens it in 简体中文 and answers four stars with a comment,
 * under the Content-Security-Policy without a console error; the answer is then on the deal page.
 */
@IntegrationTest
@Import(WorkLeadFixtures.class)
class SatisfactionSurveyBrowserIT {

    @LocalServerPort int port;
    @Autowired OrgFixtures fixtures;
    @Autowired WorkLeadFixtures leads;
    @Autowired LeadOwnership ownership;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;

    WebDriver driver;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Test
    void aCustomerOpensTheLinkInChineseAndAnswersOnce() {
        jdbc.sql("DELETE FROM survey_request").update();
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        Lead lead = leads.lead();
        ownership.assign(lead.id(), org.liNa().id(), "the rep's lead, for the survey test", false);
        String rep = org.rep().token();
        long deal = ok(api.as(rep).post("/api/deals/from-lead/" + lead.id(), Map.of("amount", 88000))).path("id").asLong();
        ok(api.as(rep).post("/api/deals/" + deal + "/stage", Map.of("stage", "won")));

        driver = Browser.start();
        logIn(org.rep());
        driver.get(url("/deals/" + deal + "?lang=zh-CN"));
        settle();
        Browser.click(driver, By.id("send-deal-survey"));
        settle();
        String link = driver.findElement(By.id("survey-link")).getAttribute("value");
        assertThat(link).contains("/survey/");
        assertThat(severe()).isEmpty();
        driver.quit();

        driver = Browser.start();
        driver.get(url(link.substring(link.indexOf("/survey/"))));
        settle();
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("您对我们的服务满意吗？");
        assertThat(driver.getPageSource()).doesNotContain("88000").doesNotContain("88,000");
        Browser.click(driver, By.cssSelector("label[for='rating-4']"));
        driver.findElement(By.id("survey-comment")).sendKeys("上门讲解很清楚");
        Browser.screenshot(driver, "survey-zh");
        Browser.click(driver, By.id("survey-submit"));
        settle();
        assertThat(driver.findElement(By.id("survey-outcome")).getAttribute("data-outcome")).isEqualTo("thanks");
        assertThat(driver.findElement(By.id("survey-outcome")).getText()).isEqualTo("谢谢您！");
        driver.get(url(link.substring(link.indexOf("/survey/"))));
        settle();
        assertThat(driver.findElement(By.id("survey-outcome")).getAttribute("data-outcome")).isEqualTo("answered");
        assertThat(severe()).isEmpty();
        driver.quit();

        driver = Browser.start();
        logIn(org.rep());
        driver.get(url("/deals/" + deal + "?lang=en"));
        settle();
        assertThat(driver.findElement(By.cssSelector("#survey-list .survey")).getAttribute("data-rating")).isEqualTo("4");
        assertThat(driver.findElement(By.cssSelector("#survey-list .survey-comment")).getText()).isEqualTo("上门讲解很清楚");
        assertThat(severe()).isEmpty();
    }

    private List<LogEntry> severe() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue() || e.getMessage().contains("Content Security Policy"))
                .toList();
    }

    private void logIn(OrgFixtures.Login login) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(login.username());
        driver.findElement(By.id("password")).sendKeys(OrgFixtures.PASSWORD);
        Browser.click(driver, By.id("login-submit"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void settle() {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && document.querySelectorAll('.htmx-request').length === 0")));
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static tools.jackson.databind.JsonNode ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        return response.tree();
    }
}
