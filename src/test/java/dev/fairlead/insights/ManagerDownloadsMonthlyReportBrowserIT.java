package dev.fairlead.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Browser;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A manager who reads Chinese makes the team's monthly report on the reports page and downloads its PDF, which prints the team's name. */
@IntegrationTest
class ManagerDownloadsMonthlyReportBrowserIT {

    @LocalServerPort int port;
    @Autowired OrgFixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    WebDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
        clock.reset();
    }

    @Test
    void managerMakesAndDownloadsTheMonthlyPdf() throws Exception {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        InsightsFixture f = new InsightsFixture(org, jdbc, clock);
        f.slaTimer(f.lead(org.liNa(), 2, 1, 100_000), "MET");
        jdbc.sql("UPDATE app_user SET locale = 'zh-CN' WHERE id = :id").param("id", org.manager().user().id()).update();
        Path downloads = Files.createTempDirectory("fairlead-downloads");

        driver = Browser.start();
        ((ChromeDriver) driver).executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toAbsolutePath().toString()));
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys(org.manager().username());
        driver.findElement(By.id("password")).sendKeys(OrgFixtures.PASSWORD);
        Browser.click(driver, By.id("login-submit"));
        Browser.click(driver, By.id("nav-reports"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("报告");

        new Select(driver.findElement(By.id("generate-team"))).selectByValue(String.valueOf(org.shanghai().id()));
        new Select(driver.findElement(By.id("generate-kind"))).selectByValue("MONTH");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('generate-on').value = '2031-03-19';");
        Browser.click(driver, By.id("generate-submit"));
        assertThat(driver.findElement(By.id("reports-made")).getText()).contains("报告已生成");
        var row = driver.findElement(By.cssSelector("#reports-table tbody tr[id^='report-']"));
        assertThat(row.getText()).contains("上海一组 Shanghai 1", "月报", "2031-03", "中文", "手动生成");
        Browser.screenshot(driver, "reports-zh");

        Browser.click(driver, By.cssSelector("#reports-table tbody tr[id^='report-'] a[id^='report-pdf-']"));
        Path pdf = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("月报", "上海一组 Shanghai 1", "李娜");
        }
    }
}
