package dev.fairlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.support.Api;
import dev.fairlead.support.Browser;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.LeadFixtures;
import dev.fairlead.support.OrgFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page a director, a manager and a rep can reach from the navigation, and a lead's page,
 * opened in Chromium under the Content-Security-Policy the application sends: the console must show
 * no error (a refused inline script or style, a blocked or missing library, a failed request) and
 * htmx must have run. The list of pages comes from the navigation itself, so a new page is checked
 * the day it is added. Then a data-quality item is corrected through its form.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesRunUnderTheContentSecurityPolicyBrowserIT {

    @LocalServerPort int port;
    @Autowired OrgFixtures fixtures;
    @Autowired Api api;
    @Autowired LeadOwnership ownership;

    OrgFixtures.Org org;
    long leadId;
    WebDriver driver;

    @BeforeAll
    void organisationAndALeadWithAFieldSetAside() {
        org = fixtures.eastAndSouthChina();
        Map<String, Object> lead = LeadFixtures.lead("严格");
        lead.put("postalCode", "2000");
        var created = api.as(org.director().token()).header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/leads", lead);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        leadId = created.tree().path("leadId").asLong();
        // Routing may give it to anyone; the manager's and the rep's pages need it in their scope.
        ownership.assign(leadId, org.liNa().id(), "the rep's lead, for the page test", false);
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    @Test
    void everyPageOfTheNavigationRunsWithoutAConsoleErrorForEachRole() {
        List<String> problems = new ArrayList<>();
        int pages = 0;
        for (OrgFixtures.Login login : List.of(org.director(), org.manager(), org.rep())) {
            driver = Browser.start();
            logIn(login);
            Set<String> urls = new LinkedHashSet<>();
            for (WebElement link : driver.findElements(By.cssSelector("a[id^='nav-']"))) {
                String href = link.getAttribute("href");
                if (href != null && href.startsWith(url("/")) && !href.contains("#")) {
                    urls.add(href);
                }
            }
            urls.add(url("/leads/" + leadId));
            assertThat(urls).as("pages in %s's navigation", login.username()).hasSizeGreaterThan(3);
            console(); // what the log-in page wrote is not the pages' concern
            for (String page : urls) {
                driver.get(page);
                settle();
                pages++;
                for (LogEntry entry : console()) {
                    if (entry.getLevel().intValue() >= Level.SEVERE.intValue() || entry.getMessage().contains("Content Security Policy")) {
                        problems.add(login.username() + " " + page + ": " + entry.getMessage());
                    }
                }
                Object htmx = ((JavascriptExecutor) driver).executeScript("return typeof window.htmx");
                if (!"object".equals(htmx)) {
                    problems.add(login.username() + " " + page + ": htmx did not load (" + htmx + ")");
                }
            }
            Browser.screenshot(driver, "csp-" + login.username());
            driver.quit();
            driver = null;
        }
        assertThat(problems).as("%d pages opened", pages).isEmpty();
    }

    @Test
    void aDirectorCorrectsAFieldSetAsideAtIntakeFromTheReviewList() {
        driver = Browser.start();
        logIn(org.director());
        assertThat(driver.findElement(By.id("nav-data-quality")).getAttribute("href")).endsWith("/leads/data-quality");
        driver.get(url("/leads/data-quality"));
        settle();
        long item = Long.parseLong(driver.findElement(By.cssSelector("#data-quality-items tr[id^='set-aside-']")).getAttribute("id")
                .substring("set-aside-".length()));
        WebElement value = driver.findElement(By.id("correct-value-" + item));
        value.sendKeys("20000");
        Browser.click(driver, By.id("correct-" + item));
        settle();
        assertThat(driver.findElement(By.id("correct-value-" + item)).getAttribute("class")).contains("is-invalid");

        driver.findElement(By.id("correct-value-" + item)).clear();
        driver.findElement(By.id("correct-value-" + item)).sendKeys("200000");
        Browser.click(driver, By.id("correct-" + item));
        settle();
        assertThat(driver.findElement(By.id("data-quality-saved")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.id("set-aside-" + item))).isEmpty();
        Browser.screenshot(driver, "data-quality-corrected");
        assertThat(console()).noneMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue());
        assertThat(api.as(org.director().token()).get("/api/leads/" + leadId).tree().path("postalCode").asString()).isEqualTo("200000");
    }

    private void logIn(OrgFixtures.Login login) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(login.username());
        driver.findElement(By.id("password")).sendKeys(OrgFixtures.PASSWORD);
        Browser.click(driver, By.id("login-submit"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Waits until the page has loaded and htmx has no request in flight (panels load after the page). */
    private void settle() {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && document.querySelectorAll('.htmx-request').length === 0")));
        try {
            Thread.sleep(300); // a panel's own scripts (charts) run after its swap
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
