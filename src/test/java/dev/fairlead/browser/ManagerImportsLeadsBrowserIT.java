package dev.fairlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Browser;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ManagerImportsLeadsBrowserIT {

    @LocalServerPort
    int port;

    @Autowired
    OrgFixtures fixtures;

    @TempDir
    Path dir;

    WebDriver driver;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void managerUploadsACsvMapsAColumnWatchesProgressAndSeesEveryRowCounted() throws Exception {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        Path csv = dir.resolve("trade-show.csv");
        Files.writeString(csv, """
                Company,Contact,Mobile,Mail,Notes
                Hangzhou Lakeside Tea Co.,Lin Hui,13755550001,linhui@lakeside.example.cn,met at booth
                Suzhou Silk Works,Gu Yan,13755550002,,wants catalogue
                Broken Row Ltd,,12345,nobody,
                """, StandardCharsets.UTF_8);
        driver = Browser.start();
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("username")).sendKeys(org.manager().username());
        driver.findElement(By.id("password")).sendKeys(OrgFixtures.PASSWORD);
        click("login-submit");

        click("nav-leads");
        click("import-leads");
        driver.findElement(By.id("file")).sendKeys(csv.toString());
        click("upload");

        Select notes = new Select(driver.findElement(By.id("column-4")));
        assertThat(new Select(driver.findElement(By.id("column-2"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("PHONE");
        assertThat(notes.getFirstSelectedOption().getAttribute("value")).isEmpty();
        new Select(driver.findElement(By.id("column-3"))).selectByValue("EMAIL");
        Browser.screenshot(driver, "import-mapping");
        click("start-import");

        new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
        assertThat(driver.findElement(By.id("import-bar")).getAttribute("textContent").trim()).isEqualTo("100%");
        assertThat(driver.findElement(By.id("count-read")).getText()).isEqualTo("3");
        assertThat(driver.findElement(By.id("count-accepted")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("count-merged")).getText()).isEqualTo("0");
        assertThat(driver.findElement(By.id("count-rejected")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.id("download-rejected")).isDisplayed()).isTrue();
        Browser.screenshot(driver, "import-done");
    }

    private void click(String id) {
        Browser.click(driver, By.id(id));
    }
}
