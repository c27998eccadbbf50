package dev.fairlead.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.audit.AuditEntry;
import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.Viewer;
import dev.fairlead.leads.CompanySize;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadOwnership;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.support.Browser;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/** A manager in zh-CN filters the lead list and exports it: the progress line counts the rows, the export is audited with the filter. */
@IntegrationTest
class ManagerExportsLeadsBrowserIT {

    @LocalServerPort int port;
    @Autowired OrgFixtures orgs;
    @Autowired LeadService leads;
    @Autowired LeadOwnership ownership;
    @Autowired AuditTrail audit;

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
    void aManagerExportsTheFilteredLeadListAsCsvAndExcelInChinese() {
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        String company = "远航导出 Export Voyage " + org.n();
        lead(company, "吴倩", org.wangWei().id(), 1);
        lead(company, "孙浩", org.liNa().id(), 2);
        lead(company, "胡军的客户", org.huJun().id(), 3);

        logIn(org.manager().username());
        driver.get(url("/?lang=zh-CN"));
        driver.get(url("/leads?q=" + URLEncoder.encode(company, StandardCharsets.UTF_8)));
        wait(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#lead-rows tr.lead-row"), 2));
        assertThat(driver.findElement(By.cssSelector("a.export-link[data-format=csv]")).getText()).isEqualTo("导出 CSV");

        Browser.click(driver, By.cssSelector("a.export-link[data-format=csv]"));
        wait(ExpectedConditions.textToBe(By.cssSelector(".export-status"), "已导出 2 行。"));
        Browser.screenshot(driver, "lead-list-exported");
        Browser.click(driver, By.cssSelector("a.export-link[data-format=xlsx]"));
        wait(driver -> driver.findElements(By.cssSelector(".export-running")).isEmpty()
                && "已导出 2 行。".equals(driver.findElement(By.cssSelector(".export-status")).getText()));

        List<AuditEntry> exports = audit.search(Viewer.system(), new AuditFilter("export", "leads", org.manager().username(),
                "EXPORT", null, null, 0, 50)).items();
        assertThat(exports).hasSize(2).allSatisfy(e -> {
            assertThat(e.after()).containsEntry("rows", 2).containsEntry("complete", true);
            assertThat(e.after().get("filters")).isEqualTo(Map.of("q", company));
        });
        assertThat(exports).extracting(e -> e.after().get("format")).containsExactlyInAnyOrder("csv", "xlsx");
    }

    private void lead(String company, String contact, long repId, int n) {
        long id = leads.create(new LeadCommand(LeadSource.WEB_FORM, company, contact, "采购经理", String.format("137%08d", (repId * 10 + n) % 100_000_000),
                "voyage." + repId + "." + n + "." + company.hashCode() + "@example.cn", "food", CompanySize.MEDIUM, "310000", "310100",
                null, "crm", new BigDecimal("90000"), List.of())).id();
        ownership.assign(id, repId, "test", false);
    }

    private void logIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(OrgFixtures.PASSWORD);
        Browser.click(driver, By.id("login-submit"));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
    }

    private <T> T wait(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
