package dev.fairlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.Browser;
import dev.fairlead.support.FreshDatabaseConfiguration;
import dev.fairlead.support.TestClockConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The demo rep (李娜, login {@code rep}) signs in and reads her home in Chinese: her quota and pace,
 * what is due today, her new leads. Demo content changes, so this checks the cards and their
 * headings, not counts; {@code HomePanelsIT} checks what they say on fixtures of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"fairlead.demo-data.enabled=true",
        "fairlead.embedded-db.enabled=false", "logging.file.name=target/test-logs/fairlead-demo.log", "server.shutdown=immediate"})
@Import({FreshDatabaseConfiguration.class, TestClockConfiguration.class, Api.class})
class DemoRepReadsHerHomeBrowserIT {

    @LocalServerPort int port;

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
    void theDemoRepReadsHerQuotaHerDayAndHerLeadsInChinese() {
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys("rep");
        driver.findElement(By.id("password")).sendKeys("fairlead-demo");
        Browser.click(driver, By.id("login-submit"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
        Browser.click(driver, By.id("lang-zh"));
        waitFor(ExpectedConditions.textToBe(By.id("home-heading"), "我的今天"));

        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#home-quota .home-quota-goal, #home-quota-none")));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("home-tasks-overdue")));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("home-new-leads-count")));
        Browser.screenshot(driver, "demo-rep-home-zh");

        assertThat(text("#home-quota h2")).isEqualTo("本月我的指标");
        assertThat(text("#home-quota")).containsAnyOf("进度", "本月还没有指标");
        assertThat(text("#home-tasks h2")).isEqualTo("今日工作");
        assertThat(text("#home-tasks")).contains("已逾期", "今天到期");
        assertThat(text("#home-new-leads h2")).isEqualTo("我的新线索");
        assertThat(text("#home-new-leads")).contains("新线索，尚未联系");
        assertThat(text("#home-pipeline h2")).isEqualTo("我的销售管道");
        assertThat(text("#home-pool h2")).isEqualTo("公海池");
        assertThat(driver.findElements(By.id("home-overview"))).isEmpty();
        assertThat(driver.findElements(By.id("nav-routing"))).isEmpty();
        assertThat(driver.findElements(By.id("nav-reps"))).isEmpty();
        assertThat(driver.findElements(By.id("nav-group-operations"))).isEmpty();
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }
}
