package dev.fairlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.org.demo.DemoData;
import dev.fairlead.support.Api;
import dev.fairlead.support.Browser;
import dev.fairlead.support.FreshDatabaseConfiguration;
import dev.fairlead.support.TestClockConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Walks the tour of each role's user guide ({@code docs/guides/}) on the demo install: every page a
 * guide shows opens for that role, in English, as a page of its own (a heading, no error, every
 * panel loaded), and its picture is kept as {@code target/screenshots/guide-<role>-<page>.png}.
 * {@code docs/guides/refresh-screenshots.sh} runs this test and copies the pictures into the guides.
 * A page a guide describes that breaks or is taken from the role fails here, not in a reader's hands.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"fairlead.demo-data.enabled=true",
        "fairlead.embedded-db.enabled=false", "logging.file.name=target/test-logs/fairlead-demo.log", "server.shutdown=immediate",
        // the same as DemoDataIT and the language crawl, so the three share one context and one demo load
        "fairlead.test.clock.start=2026-12-08T10:30:00+08:00"})
@Import({FreshDatabaseConfiguration.class, TestClockConfiguration.class, Api.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserGuideTourBrowserIT {

    /** Role login → the pages its guide shows, by picture name; keep in step with docs/guides/*.md. */
    static final Map<String, Map<String, String>> TOURS = new LinkedHashMap<>();

    static {
        TOURS.put("rep", pages("home", "/", "leads", "/leads", "tasks", "/tasks", "pool", "/pool",
                "deals", "/deals/board", "scorecard", "/performance", "points", "/performance/points", "boards", "/performance/boards",
                "credit", "/credit/queue"));
        TOURS.put("manager", pages("home", "/", "leads", "/leads", "team-tasks", "/tasks/team",
                "rules", "/routing/rule-sets", "ledger", "/routing/ledger", "insights", "/insights",
                "alerts", "/insights/alerts", "scorecards", "/performance/team", "credit", "/credit/queue", "review", "/insights/review",
                "reports", "/insights/reports", "pips", "/performance/pips"));
        TOURS.put("director", pages("home", "/", "goals", "/goals", "insights", "/insights",
                "rules", "/routing/rule-sets", "schemes", "/performance/schemes", "holidays", "/calendar/holidays", "boards", "/performance/boards",
                "feedback", "/insights/feedback"));
        TOURS.put("admin", pages("users", "/admin/users", "teams", "/teams", "reps", "/reps", "imports", "/imports",
                "scoring", "/scoring", "sla", "/sla", "webhooks", "/admin/outbound-webhooks", "audit", "/audit"));
        TOURS.put("finance", pages("home", "/", "credit", "/credit/queue", "funnel", "/deals/funnel", "goals", "/goals", "insights", "/insights",
                "reports", "/insights/reports"));
    }

    @LocalServerPort int port;

    WebDriver driver;

    @BeforeAll
    void startBrowser() {
        driver = Browser.start();
    }

    @AfterAll
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void everyPageOfEveryGuideOpensForItsRole() {
        List<String> problems = new ArrayList<>();
        TOURS.forEach((login, tour) -> {
            logIn(login);
            tour.forEach((name, path) -> {
                open(path + (path.contains("?") ? "&" : "?") + "lang=en");
                String problem = problemOf();
                if (problem != null) {
                    problems.add(login + " " + path + ": " + problem);
                }
                Browser.screenshot(driver, "guide-" + login + "-" + name);
            });
            driver.manage().deleteAllCookies();
        });
        assertThat(problems).as("guide pages that do not open for their role").isEmpty();
    }

    /** Why the page is not one a guide can show, or null. */
    private String problemOf() {
        if (driver.getCurrentUrl().contains("/login")) {
            return "sent to the login page";
        }
        if (!driver.findElements(By.id("error-message")).isEmpty()) {
            return "error page: " + driver.findElement(By.id("error-message")).getText();
        }
        if (driver.findElements(By.tagName("h1")).isEmpty()) {
            return "no heading";
        }
        Object loading = ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('[hx-get][hx-trigger*=\"load\"]')).filter(el => el.textContent.trim() === '…').length");
        if (((Number) loading).intValue() > 0) {
            return loading + " panel(s) never loaded";
        }
        return null;
    }

    private static Map<String, String> pages(String... namesAndPaths) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (int i = 0; i < namesAndPaths.length; i += 2) {
            pages.put(namesAndPaths[i], namesAndPaths[i + 1]);
        }
        return pages;
    }

    private void logIn(String username) {
        driver.get(url("/login?lang=en"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
        Browser.click(driver, By.id("login-submit"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void open(String path) {
        driver.get(url(path));
        try {
            new WebDriverWait(driver, Duration.ofSeconds(8)).pollingEvery(Duration.ofMillis(50)).until(d -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript("""
                            return document.readyState === 'complete' && document.querySelectorAll('.htmx-request').length === 0
                              && Array.from(document.querySelectorAll('[hx-get][hx-trigger*="load"]')).every(el => el.textContent.trim() !== '…')
                              && Array.from(document.querySelectorAll('[data-chart]')).every(el => el.childElementCount > 0)""")));
        } catch (org.openqa.selenium.TimeoutException e) {
            // read as it is: a panel still loading is reported by problemOf
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
