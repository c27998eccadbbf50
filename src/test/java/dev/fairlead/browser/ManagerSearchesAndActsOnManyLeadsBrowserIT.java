package dev.fairlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.leads.CompanySize;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.support.Browser;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ManagerSearchesAndActsOnManyLeadsBrowserIT {

    @LocalServerPort int port;
    @Autowired OrgFixtures orgs;
    @Autowired LeadService leads;
    @Autowired LeadOwnership ownership;

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
    void aManagerFindsACompanyFromTheNavigationBarAndGivesAllItsLeadsToOneRep() {
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        String company = "青禾食品 Qinghe Foods " + org.n();
        List<Long> ids = List.of(lead(company, "吴倩", org.wangWei().id(), 1), lead(company, "Lily Fang", org.wangWei().id(), 2),
                lead(company, "孙浩", org.huJun().id(), 3));

        logIn(org.manager().username());
        WebElement box = driver.findElement(By.id("global-search-q"));
        box.sendKeys(company, Keys.ENTER);
        wait(ExpectedConditions.presenceOfElementLocated(By.id("search-leads")));
        String results = driver.findElement(By.id("search-leads")).getText();
        assertThat(results).contains("吴倩").contains("Lily Fang").doesNotContain("孙浩");
        Browser.screenshot(driver, "global-search");

        driver.get(url("/leads?q=" + java.net.URLEncoder.encode(company, java.nio.charset.StandardCharsets.UTF_8)));
        wait(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#lead-rows tr.lead-row"), 2));
        Browser.click(driver, By.id("bulk-select-all"));
        assertThat(driver.findElements(By.cssSelector("input.bulk-select")).stream().allMatch(WebElement::isSelected)).isTrue();
        new Select(driver.findElement(By.id("bulk-action"))).selectByValue("ASSIGN");
        new Select(driver.findElement(By.id("bulk-rep"))).selectByVisibleText("李娜");
        driver.findElement(By.id("bulk-reason")).sendKeys("王伟休假 Wang Wei on leave");
        Browser.click(driver, By.id("bulk-apply"));

        WebElement summary = wait(ExpectedConditions.presenceOfElementLocated(By.id("bulk-result")));
        assertThat(summary.getText()).contains("2 done, 0 skipped");
        assertThat(leads.getForSystem(ids.get(0)).ownerRepId()).isEqualTo(org.liNa().id());
        assertThat(leads.getForSystem(ids.get(1)).ownerRepId()).isEqualTo(org.liNa().id());
        assertThat(leads.getForSystem(ids.get(2)).ownerRepId()).isEqualTo(org.huJun().id());

        driver.findElement(By.id("save-filter-name")).sendKeys("青禾 Qinghe");
        Browser.click(driver, By.id("save-filter"));
        WebElement saved = wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#saved-filters a.saved-filter-link")));
        assertThat(saved.getText()).isEqualTo("青禾 Qinghe");
        assertThat(saved.getAttribute("href")).contains("/leads?q=");
        Browser.screenshot(driver, "lead-list-bulk-and-saved-filter");
    }

    private long lead(String company, String contact, long repId, int n) {
        long id = leads.create(new LeadCommand(LeadSource.WEB_FORM, company, contact, "采购经理", String.format("136%08d", (repId * 10 + n) % 100_000_000),
                "qinghe." + repId + "." + n + "." + company.hashCode() + "@example.cn", "food", CompanySize.MEDIUM, "310000", "310100",
                null, "crm", new BigDecimal("90000"), List.of())).id();
        ownership.assign(id, repId, "test", false);
        return id;
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
                .until(condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
