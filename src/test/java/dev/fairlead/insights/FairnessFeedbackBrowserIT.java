package dev.fairlead.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.org.Rep;
import dev.fairlead.support.Api;
import dev.fairlead.support.Browser;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A rep answers the fairness question from her home page in Chinese; once it has closed with five answers the manager reads the result. */
@IntegrationTest
class FairnessFeedbackBrowserIT {

    @LocalServerPort int port;
    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired MutableClock clock;

    WebDriver driver;

    @BeforeEach
    void startBrowser() {
        driver = Browser.start();
    }

    @AfterEach
    void stop() {
        clock.reset();
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aRepAnswersInChineseAndTheManagerReadsTheResult() {
        clock.startAt(LocalDateTime.of(2031, 7, 1, 10, 0).atZone(clock.getZone()).toInstant());
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        List<String> others = new ArrayList<>();
        for (String name : List.of("王伟", "赵敏", "孙丽", "周强")) {
            Rep rep = name.equals("王伟") ? org.wangWei() : fixtures.rep(org.shanghai(), name, OrgFixtures.email("fb"), OrgFixtures.shanghaiCity());
            others.add(fixtures.login(OrgFixtures.username("fb.rep"), name, Role.REP, null, rep.id()).token());
        }
        long cycle = api.as(org.manager().token()).post("/api/insights/feedback-cycles", Map.of("teamId", org.shanghai().id(),
                "periodStart", "2031-06-01", "periodEnd", "2031-06-30", "closesOn", "2031-07-05")).tree().path("id").asLong();
        int[] scores = {4, 4, 2, 5};
        for (int i = 0; i < others.size(); i++) {
            api.as(others.get(i)).post("/api/insights/feedback-cycles/" + cycle + "/answer", Map.of("score", scores[i]));
        }

        logIn(org.rep().username());
        driver.get(url("/?lang=zh-CN"));
        Browser.click(driver, By.id("home-feedback-" + cycle));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("feedback-answer")));
        assertThat(driver.findElement(By.id("feedback-question")).getText()).contains("本周期的线索分配公平吗？", "匿名");
        Browser.click(driver, By.id("feedback-score-3"));
        driver.findElement(By.id("feedback-comment")).sendKeys("大客户线索偏少");
        Browser.click(driver, By.id("feedback-submit"));
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-thanks"), "谢谢"));
        assertThat(driver.findElements(By.id("feedback-answer"))).isEmpty();
        Browser.screenshot(driver, "fairness-feedback-answered-zh");
        driver.manage().deleteAllCookies();

        clock.advanceTo(LocalDateTime.of(2031, 7, 6, 9, 0).atZone(clock.getZone()).toInstant());
        logIn(org.manager().username());
        driver.get(url("/insights/feedback?lang=zh-CN"));
        Browser.click(driver, By.cssSelector("#feedback-cycle-" + cycle + " a"));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("feedback-distribution")));
        assertThat(driver.findElement(By.id("feedback-mean")).getText()).contains("3.60");
        assertThat(driver.findElement(By.id("feedback-dist-4")).getText()).endsWith("2");
        assertThat(driver.findElement(By.id("feedback-dist-3")).getText()).endsWith("1");
        assertThat(driver.findElement(By.id("feedback-comments")).getText()).contains("大客户线索偏少");
        assertThat(driver.findElement(By.id("feedback-count")).getText()).contains("5");
        assertThat(driver.findElement(By.id("feedback-fairness")).getText()).contains("李娜", "王伟");
        Browser.screenshot(driver, "fairness-feedback-results-zh");
    }

    private void logIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(OrgFixtures.PASSWORD);
        Browser.click(driver, By.id("login-submit"));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    }

    private <T> T wait(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
