package dev.fairlead.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Pages as a signed-in user reads them, and the data a page gives its charts (the JSON element beside each chart). */
public final class ChartPages {

    private ChartPages() {}

    /** A browser-like session (cookies, CSRF) signed in with the fixtures' password, reading pages in {@code language}. */
    public static Api.Request signIn(Api api, String username, String language) {
        Api.Request browser = api.browser().language(language);
        ApiResponse login = browser.get("/login");
        ApiResponse done = browser.postForm("/login", Map.of("username", username, "password", OrgFixtures.PASSWORD,
                "_csrf", Html.csrfInput(login.body())));
        assertThat(done.location()).doesNotContain("/login");
        assertThat(browser.get("/?lang=" + language).status()).isEqualTo(200); // the fixtures' users prefer English
        return browser;
    }

    /** The data of the chart drawn in the element with id {@code chartId} ({@code <script type="application/json" id="chartId-data">}). */
    public static JsonNode data(ApiResponse page, String chartId) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"" + Pattern.quote(chartId) + "-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(page.body());
        assertThat(m.find()).as("chart data " + chartId + " in the page").isTrue();
        return page.json().readTree(m.group(1));
    }

    /** One series' values as numbers (null stays null). */
    public static List<Double> series(JsonNode chart, int index) {
        List<Double> values = new ArrayList<>();
        chart.path("series").get(index).path("data").forEach(v -> values.add(v.isNull() ? null : v.asDouble()));
        return values;
    }

    public static List<String> labels(JsonNode chart) {
        List<String> labels = new ArrayList<>();
        chart.path("labels").forEach(l -> labels.add(l.asString()));
        return labels;
    }
}
