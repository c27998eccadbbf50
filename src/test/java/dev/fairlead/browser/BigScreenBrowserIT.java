package dev.fairlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.Browser;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The office TV: a rep opens the big screen in Chinese; the points board shows its rows; a manager's
 * award moves them on the screen without a reload (the page polls the JSON under the
 * Content-Security-Policy, no inline script), and the console stays clean.
 */
@IntegrationTest
@TestPropertySource(properties = {"fairlead.jobs.enabled=false", "fairlead.performance.screen-refresh=PT1S", "fairlead.test.context=screen"})
class BigScreenBrowserIT {

    @LocalServerPort int port;
    @Autowired OrgFixtures fixtures;
    @Autowired Api api;

    WebDriver driver;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theBigScreenShowsTheBoardsInChineseAndFollowsNewPointsWithoutAReload() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        String manager = org.manager().token();
        award(manager, org.liNa().id(), 30);
        award(manager, org.wangWei().id(), 20);
        assertThat(api.as(org.director().token()).put("/api/performance/boards/POINTS",
                Map.of("displayMode", "NAMES", "visibility", "TEAM", "enabled", true)).status()).isEqualTo(200);

        driver = Browser.start();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(org.rep().username());
        driver.findElement(By.id("password")).sendKeys(OrgFixtures.PASSWORD);
        Browser.click(driver, By.id("login-submit"));
        waitUntil(d -> !d.findElements(By.id("signed-in-as")).isEmpty());
        driver.get(url("/performance/boards/screen?kind=MONTH&lang=zh-CN"));
        waitUntil(d -> d.findElement(By.id("board-screen")).getAttribute("data-refreshed") != null);

        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(driver.findElement(By.cssSelector(".board-screen-title")).getText()).isEqualTo("排行榜");
        WebElement points = driver.findElement(By.id("screen-POINTS"));
        assertThat(points.findElement(By.tagName("h2")).getText()).isEqualTo("积分榜");
        assertThat(rows()).containsExactly("1 李娜 30", "2 王伟 20");
        assertThat(script("return document.querySelector('#screen-POINTS tr.mine .screen-label').innerText")).isEqualTo("李娜");
        assertThat(driver.findElement(By.id("screen-REVENUE")).findElement(By.tagName("h2")).getText()).isEqualTo("业绩榜");
        // names are data (translate="no"); everything else on the screen is Chinese
        assertThat(script("const b = document.body.cloneNode(true); b.querySelectorAll('[translate=no], script').forEach(e => e.remove());"
                + " return b.textContent")).asString().doesNotContainPattern("[A-Za-z]{3,}");
        Browser.screenshot(driver, "big-screen-zh");

        Object marker = ((JavascriptExecutor) driver).executeScript("window.notReloaded = true; return window.notReloaded;");
        assertThat(marker).isEqualTo(true);
        award(manager, org.wangWei().id(), 25);
        waitUntil(d -> rows().equals(List.of("1 王伟 45", "2 李娜 30")));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded === true")).isEqualTo(true);
        assertThat(script("return document.querySelector('#screen-POINTS tr.mine .screen-rank').innerText")).isEqualTo("2");

        List<LogEntry> console = driver.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(console).noneMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue() || e.getMessage().contains("Content Security Policy"));
    }

    private void award(String token, long repId, int points) {
        assertThat(api.as(token).post("/api/performance/points/awards", Map.of("repId", repId, "points", points, "reason", "月度之星")).status())
                .isEqualTo(201);
    }

    /** The points board's rows as text, read in one script (the page replaces them every refresh). */
    @SuppressWarnings("unchecked")
    private List<String> rows() {
        return (List<String>) script("return Array.from(document.querySelectorAll('#screen-POINTS tr.screen-row'))"
                + ".map(r => r.innerText.replace(/\\s+/g, ' ').trim())");
    }

    private Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    private void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
