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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Every page of the demo install, as each demo role reads it, is in one language: in 简体中文 no
 * English word outside a short allowlist, in English no Chinese character. The crawl opens every
 * page of the role's navigation and one detail page of each kind linked from them (a lead, a deal,
 * a customer, a rep, a team, a goal, a pool, a rule set, an import, …) and reads the text a person
 * reads there: text, placeholders, tooltips and labels, and the page title. What users typed (names,
 * companies, notes, titles) is data, not UI: templates mark it {@code translate="no"} and the crawl
 * skips it. A failure lists each page with the words that gave it away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"fairlead.demo-data.enabled=true",
        "fairlead.embedded-db.enabled=false", "logging.file.name=target/test-logs/fairlead-demo.log", "server.shutdown=immediate",
        // the same as DemoDataIT, so the two share one context and one demo load
        "fairlead.test.clock.start=2026-12-08T10:30:00+08:00"})
@Import({FreshDatabaseConfiguration.class, TestClockConfiguration.class, Api.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesSpeakTheReadersLanguageBrowserIT {

    /**
     * Latin words a Chinese page may show: the product's name, codes people use as they are
     * (currencies, SLA, KPI, the API, file formats, web protocols, the ISO of language codes) and
     * units. Place names of China, team, rep and company names are data and marked translate="no".
     */
    static final Set<String> ALLOWED_IN_CHINESE = Set.of(
            "Fairlead",                         // the product's name
            "CNY", "USD", "EUR", "HKD",         // currency codes, as on an invoice
            "SLA", "KPI", "API", "CSV", "XLSX", "PDF", "Excel", "ID", "URL", "JSON", "HTTP", "HTTPS", "Webhook", "CRM", "AUC", "ISO",
            "km", "ms", "px", "KB");            // units

    private static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z0-9_@.])[A-Za-z]{2,}(?![A-Za-z0-9_])");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF01-\\uFF60]+");
    /** A detail page: a path with a numeric or UUID segment; its kind is the path with ids replaced. */
    private static final Pattern ID_SEGMENT = Pattern.compile("/(\\d+|[0-9a-f]{8}-[0-9a-f-]{27})(?=/|$)");
    private static final Pattern NOT_A_PAGE = Pattern.compile("(?i)\\.(csv|xlsx|json|png|pdf)$|/export|/download|/logout|/swagger|/api/");

    /** The text a reader reads on the page, without what is marked translate="no" (user data). */
    private static final String READ_TEXT = """
            const out = [];
            const skipped = el => el.closest('[translate="no"], script, style, noscript, template');
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const node = walker.currentNode;
              const text = node.nodeValue.trim();
              if (text && node.parentElement && !skipped(node.parentElement)) out.push(text);
            }
            document.querySelectorAll('[placeholder], [title], [aria-label], input[type=submit][value], input[type=button][value]')
              .forEach(el => {
                if (skipped(el)) return;
                for (const a of ['placeholder', 'title', 'aria-label']) { const v = el.getAttribute(a); if (v) out.push(v); }
                if (el.tagName === 'INPUT' && (el.type === 'submit' || el.type === 'button') && el.value) out.push(el.value);
              });
            if (!document.querySelector('title[translate="no"]')) out.push(document.title);
            return out;
            """;

    /** A page that failed (the error page, or a panel that never loaded) is a problem too: its words were never read. */
    private static final String BROKEN = """
            const out = [];
            const error = document.getElementById('error-message');
            if (error) out.push('error page: ' + (document.querySelector('main h1') || error).textContent.trim());
            document.querySelectorAll('[hx-get][hx-trigger*="load"]').forEach(el => {
              if (el.textContent.trim() === '…') out.push('panel did not load: #' + el.id + ' ' + el.getAttribute('hx-get'));
            });
            return out;
            """;

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
    void everyPageOfEveryDemoRoleIsInTheReadersLanguage() {
        Map<String, Set<String>> problems = new LinkedHashMap<>();
        int pages = 0;
        for (String login : List.of("admin", "director", "manager", "rep")) {
            logIn(login);
            open(url("/?lang=zh-CN"));
            Map<String, Set<String>> found = new LinkedHashMap<>();
            // Finding the pages reads them in Chinese on the way; the English pass opens the same list.
            List<String> urls = pagesOf(login, page -> found.put(page, check("zh-CN")));
            assertThat(urls).as("pages %s reaches", login).hasSizeGreaterThan(5);
            for (String page : urls) {
                if (!found.containsKey(page)) {
                    open(page);
                    found.put(page, check("zh-CN"));
                }
            }
            record(problems, "zh-CN " + login, found);
            pages += found.size();
            found.clear();
            open(url("/?lang=en"));
            for (String page : urls) {
                open(page);
                found.put(page, check("en"));
            }
            record(problems, "en " + login, found);
            pages += found.size();
            driver.manage().deleteAllCookies();
        }
        StringBuilder report = new StringBuilder();
        problems.forEach((page, words) -> report.append("\n  ").append(page).append(": ").append(words));
        System.out.println("Language crawl: " + pages + " pages" + (problems.isEmpty() ? ", all in the reader's language" : report));
        assertThat(problems).as("pages (of %d opened) with words in the other language, or broken:%s", pages, report).isEmpty();
    }

    private static void record(Map<String, Set<String>> problems, String who, Map<String, Set<String>> found) {
        found.forEach((page, words) -> {
            if (!words.isEmpty()) {
                problems.computeIfAbsent(who + " " + page, k -> new TreeSet<>()).addAll(words);
            }
        });
    }

    /**
     * The role's navigation and, linked from those pages and their detail pages, one detail page of
     * each kind; {@code read} sees each page this opens, once, while it is open.
     */
    private List<String> pagesOf(String login, java.util.function.Consumer<String> read) {
        Set<String> navigation = new LinkedHashSet<>();
        navigation.add(url("/"));
        navigation.addAll(links("a[id^='nav-'], .dropdown-menu a.dropdown-item"));
        Map<String, String> details = new LinkedHashMap<>();
        List<String> toVisit = new ArrayList<>(navigation);
        for (int depth = 0; depth < 3 && !toVisit.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String page : toVisit) {
                open(page);
                read.accept(page);
                for (String link : links("a[href]")) {
                    String path = link.substring(url("").length()).replaceAll("[?#].*", "");
                    Matcher id = ID_SEGMENT.matcher(path);
                    if (id.find() && !NOT_A_PAGE.matcher(path).find()) {
                        String kind = ID_SEGMENT.matcher(path).replaceAll("/{id}");
                        if (details.putIfAbsent(kind, link) == null) {
                            next.add(link);
                        }
                    }
                }
            }
            toVisit = next;
        }
        List<String> all = new ArrayList<>(navigation);
        all.addAll(details.values());
        System.out.println("Language crawl as " + login + ": " + navigation.size() + " pages in the navigation, detail pages " + details.keySet());
        return all;
    }

    static Set<String> offending(String lang, List<String> texts) {
        Set<String> found = new TreeSet<>();
        for (String text : texts) {
            Matcher m = ("en".equals(lang) ? CJK : LATIN_WORD).matcher(text);
            while (m.find()) {
                if ("en".equals(lang) || !ALLOWED_IN_CHINESE.contains(m.group())) {
                    found.add(m.group() + " «" + abbreviate(text) + "»");
                }
            }
        }
        return found;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "…";
    }

    private List<String> links(String css) {
        @SuppressWarnings("unchecked")
        List<String> hrefs = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(a => a.href)", css);
        String origin = url("/");
        return hrefs.stream().filter(h -> h != null && h.startsWith(origin) && !h.contains("#") && !h.contains("lang=")
                && !NOT_A_PAGE.matcher(h.replaceAll("\\?.*", "")).find()).distinct().toList();
    }

    /** The words in the other language, and whether the page or one of its panels failed. */
    private Set<String> check(String lang) {
        Set<String> found = offending(lang, readText());
        @SuppressWarnings("unchecked")
        List<String> broken = (List<String>) ((JavascriptExecutor) driver).executeScript(BROKEN);
        found.addAll(broken);
        return found;
    }

    @SuppressWarnings("unchecked")
    private List<String> readText() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(READ_TEXT);
    }

    private void logIn(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
        Browser.click(driver, By.id("login-submit"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /**
     * Opens the page and waits until htmx has loaded its panels: none in flight and none still
     * showing its placeholder. A panel that never loads is reported by {@link #BROKEN}.
     */
    private void open(String page) {
        driver.get(page);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).pollingEvery(Duration.ofMillis(40)).until(d -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript("""
                            return document.readyState === 'complete' && document.querySelectorAll('.htmx-request').length === 0
                              && Array.from(document.querySelectorAll('[hx-get][hx-trigger*="load"]')).every(el => el.textContent.trim() !== '…')""")));
        } catch (org.openqa.selenium.TimeoutException e) {
            // the page is read as it is; a panel still loading is reported as broken
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
