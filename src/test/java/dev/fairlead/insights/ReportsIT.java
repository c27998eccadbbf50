package dev.fairlead.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.MutableClock;
import dev.fairlead.support.OrgFixtures;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Reports: a monthly PDF of a team with a Chinese name holds that name and the dashboard's figures
 * (read back with PDFBox), its XLSX (read with an independent reader) holds the same figures as the
 * dashboard API; the scheduled job stores one report per unit, period and language however often and
 * from however many nodes it runs, and tells the subscribers once; a manager of another team neither
 * lists nor downloads it.
 */
@IntegrationTest
class ReportsIT {

    @Autowired Api api;
    @Autowired OrgFixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ReportJob job;
    @LocalServerPort int port;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** The dashboard's data of March 2031 (see {@link InsightsFixture}) for the Shanghai team. */
    private InsightsFixture data() {
        OrgFixtures.Org org = fixtures.eastAndSouthChina();
        InsightsFixture f = new InsightsFixture(org, jdbc, clock);
        var l1 = f.lead(org.liNa(), 2, 1, 100_000);
        var l2 = f.lead(org.liNa(), 5, null, 50_000);
        var l3 = f.lead(org.liNa(), 10, null, 30_000);
        var w1 = f.lead(org.wangWei(), 3, null, 40_000);
        f.lead(org.emilyChen(), 15, 3, 80_000);
        var h1 = f.lead(org.huJun(), 4, null, 999_999);
        f.slaTimer(l1, "MET");
        f.slaTimer(l2, "BREACHED");
        f.slaTimer(l3, "RUNNING");
        f.slaTimer(w1, "MET");
        f.slaTimer(h1, "BREACHED");
        ok(api.as(org.manager().token()).post("/api/goals", Map.of("metric", "NEW_LEADS", "repId", org.liNa().id(),
                "period", "2031-03", "target", 20)), 201);
        return f;
    }

    @Test
    void aMonthlyPdfPrintsTheChineseTeamNameAndTheFiguresAndTheXlsxHoldsTheDashboardsFigures() throws Exception {
        InsightsFixture f = data();
        OrgFixtures.Org org = f.org;
        String manager = org.manager().token();
        long team = org.shanghai().id();
        JsonNode report = ok(api.as(manager).post("/api/insights/reports", Map.of("teamId", team, "kind", "MONTH", "on", "2031-03-19",
                "locale", "zh-CN")), 201).tree();
        assertThat(report.path("period").asString()).isEqualTo("2031-03");
        assertThat(report.path("unitName").asString()).isEqualTo("上海一组 Shanghai 1");
        assertThat(report.path("pdfSize").asInt()).isPositive();
        long id = report.path("id").asLong();

        HttpResponse<byte[]> pdf = download("/api/insights/reports/" + id + "/pdf", manager);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.body().length).isEqualTo(report.path("pdfSize").asInt());
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "screenshots", "report-month-zh.pdf"), pdf.body()); // for people to look at
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("月报", "上海一组 Shanghai 1", "2031-03", "首次联系", "李娜", "王伟", "Emily Chen");
        assertThat(text).doesNotContain("胡军");
        // the team's SLA as the dashboard counts it: 2 met, 1 breached, 1 running, 67% in time
        JsonNode sla = ok(api.as(manager).get("/api/insights/sla?period=MONTH&on=2031-03-19&teamId=" + team), 200).tree().path("rows");
        JsonNode teamRow = sla.valueStream().filter(r -> !r.hasNonNull("repId") && r.path("teamId").asLong() == team).findFirst().orElseThrow();
        assertThat(List.of(teamRow.path("met").asLong(), teamRow.path("breached").asLong(), teamRow.path("running").asLong()))
                .containsExactly(2L, 1L, 1L);
        assertThat(text).contains("上海一组 Shanghai 1 2 1 1 67%");
        // the goal: 李娜's new leads, 3 of 20
        assertThat(text).contains("李娜 · 新线索 20 3");

        HttpResponse<byte[]> xlsx = download("/api/insights/reports/" + id + "/xlsx", manager);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        Map<String, List<Row>> sheets = sheets(xlsx.body());
        assertThat(sheets.get("概要").get(1).getCellText(1)).isEqualTo("上海一组 Shanghai 1");
        // SLA rows: team, rep, timers, met, breached, running — each as the dashboard API says
        List<Row> slaRows = sheets.get("首次联系时限");
        assertThat(slaRows).hasSize(1 + sla.size());
        for (int i = 0; i < sla.size(); i++) {
            JsonNode expected = sla.get(i);
            Row row = slaRows.get(i + 1);
            assertThat(row.getCellText(0)).isEqualTo(expected.path("teamName").asString());
            assertThat(new BigDecimal(row.getCellText(3)).longValue()).isEqualTo(expected.path("met").asLong());
            assertThat(new BigDecimal(row.getCellText(4)).longValue()).isEqualTo(expected.path("breached").asLong());
        }
        // fairness: leads and expected value received per rep
        JsonNode fairness = ok(api.as(manager).get("/api/insights/fairness?period=MONTH&on=2031-03-19&teamId=" + team), 200).tree()
                .path("reps");
        List<Row> fairRows = sheets.get("分配公平");
        for (int i = 0; i < fairness.size(); i++) {
            assertThat(fairRows.get(i + 1).getCellText(0)).isEqualTo(fairness.get(i).path("repName").asString());
            assertThat(new BigDecimal(fairRows.get(i + 1).getCellText(2)).longValue()).isEqualTo(fairness.get(i).path("leads").asLong());
            assertThat(new BigDecimal(fairRows.get(i + 1).getCellText(3))).isEqualByComparingTo(fairness.get(i).path("expectedValue").decimalValue());
        }
        // funnel stages reached
        JsonNode funnel = ok(api.as(manager).get("/api/insights/funnel?period=MONTH&on=2031-03-19&teamId=" + team), 200).tree().path("stages");
        List<Row> funnelRows = sheets.get("漏斗");
        assertThat(funnelRows).hasSize(1 + funnel.size());
        for (int i = 0; i < funnel.size(); i++) {
            assertThat(funnelRows.get(i + 1).getCellText(0)).isEqualTo(funnel.get(i).path("nameZh").asString());
            assertThat(new BigDecimal(funnelRows.get(i + 1).getCellText(1)).longValue()).isEqualTo(funnel.get(i).path("reached").asLong());
        }

        // data scope: the South China manager neither lists nor downloads it; a rep has no reports
        String south = org.southManager().token();
        assertThat(ok(api.as(south).get("/api/insights/reports"), 200).tree().valueStream().map(r -> r.path("id").asLong()))
                .doesNotContain(id);
        assertThat(api.as(south).get("/api/insights/reports/" + id).status()).isEqualTo(404);
        assertThat(download("/api/insights/reports/" + id + "/pdf", south).statusCode()).isEqualTo(404);
        assertThat(download("/api/insights/reports/" + id + "/xlsx", south).statusCode()).isEqualTo(404);
        assertThat(api.as(org.rep().token()).get("/api/insights/reports").status()).isEqualTo(403);
        assertThat(ok(api.as(org.director().token()).get("/api/insights/reports?teamId=" + team), 200).tree()
                .valueStream().map(r -> r.path("id").asLong())).contains(id);
    }

    @Test
    void theScheduledMonthlyReportIsMadeOncePerLanguageAndSentToEachSubscriberOnce() {
        InsightsFixture f = data();
        OrgFixtures.Org org = f.org;
        long team = org.shanghai().id();
        jdbc.sql("UPDATE app_user SET locale = 'zh-CN' WHERE id = :id").param("id", org.director().user().id()).update();
        ok(api.as(org.manager().token()).post("/api/insights/report-schedules", Map.of("teamId", team, "kind", "MONTH",
                "subscriberIds", List.of(org.manager().user().id(), org.director().user().id()))), 201);
        // a rep of the team may not receive the team's report (it shows more than their own)
        ApiResponse refused = api.as(org.manager().token()).post("/api/insights/report-schedules", Map.of("teamId", team, "kind", "WEEK",
                "weekday", 1, "subscriberIds", List.of(org.rep().user().id())));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).contains("subscriberIds");

        clock.advanceTo(LocalDateTime.of(2031, 4, 1, 8, 0).atZone(clock.getZone()).toInstant());
        job.generateDue();
        job.generateDue();
        List<Map<String, Object>> made = jdbc.sql("SELECT period_label, locale FROM insight_report WHERE team_id = :team AND origin = 'SCHEDULED' "
                + "ORDER BY locale").param("team", team).query().listOfRows();
        assertThat(made).hasSize(2);
        assertThat(made).allMatch(r -> "2031-03".equals(r.get("period_label")));
        assertThat(made.stream().map(r -> r.get("locale"))).containsExactly("en", "zh-CN");
        assertThat(notices(org.manager().user().id())).containsExactly("Monthly report: 上海一组 Shanghai 1 2031-03");
        assertThat(notices(org.director().user().id())).containsExactly("月报：上海一组 Shanghai 1 2031-03");
        // the manager reads the report in their language: it lists as scheduled, in English
        JsonNode listed = ok(api.as(org.manager().token()).get("/api/insights/reports?teamId=" + team), 200).tree();
        assertThat(listed.valueStream().filter(r -> "SCHEDULED".equals(r.path("origin").asString())).map(r -> r.path("locale").asString()))
                .containsExactlyInAnyOrder("en", "zh-CN");

        // the next day, nothing new
        clock.advanceTo(LocalDateTime.of(2031, 4, 2, 8, 0).atZone(clock.getZone()).toInstant());
        job.generateDue();
        assertThat(jdbc.sql("SELECT count(*) FROM insight_report WHERE team_id = :team AND origin = 'SCHEDULED'").param("team", team)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(notices(org.manager().user().id())).hasSize(1);
    }

    @Test
    void twoNodesRunningTheJobAtOnceStoreTheWeeklyReportOnce() throws Exception {
        InsightsFixture f = data();
        OrgFixtures.Org org = f.org;
        long team = org.shenzhen().id();
        ok(api.as(org.southManager().token()).post("/api/insights/report-schedules", Map.of("teamId", team, "kind", "WEEK",
                "weekday", 1, "subscriberIds", List.of(org.southManager().user().id()))), 201);
        // Monday 24 March 2031: the week of 17 March is due
        clock.advanceTo(LocalDateTime.of(2031, 3, 24, 9, 0).atZone(clock.getZone()).toInstant());
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return job.generateDue();
            }));
        }
        for (CompletableFuture<Integer> run : runs) {
            run.get();
        }
        assertThat(jdbc.sql("SELECT period_label FROM insight_report WHERE team_id = :team AND origin = 'SCHEDULED'").param("team", team)
                .query(String.class).list()).containsExactly("2031-W12");
        assertThat(notices(org.southManager().user().id())).hasSize(1);
    }

    @Test
    void theDashboardExportsAsPdfAndXlsxInTheCallersScope() throws Exception {
        InsightsFixture f = data();
        OrgFixtures.Org org = f.org;
        HttpResponse<byte[]> pdf = download("/api/insights/export.pdf?period=MONTH", org.manager().token());
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("Shanghai 1", "李娜").doesNotContain("胡军");
        HttpResponse<byte[]> xlsx = download("/api/insights/export.xlsx?period=MONTH", org.rep().token());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<Row> fairness = sheets(xlsx.body()).get("Fairness");
        assertThat(fairness.subList(1, fairness.size()).stream().map(r -> r.getCellText(0))
                .filter(name -> !"Gini".equals(name)).distinct()).containsExactly("李娜");
    }

    private List<String> notices(long userId) {
        return jdbc.sql("SELECT title FROM notification WHERE user_id = :user AND kind LIKE 'insights-report-%' ORDER BY id")
                .param("user", userId).query(String.class).list();
    }

    private HttpResponse<byte[]> download(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, List<Row>> sheets(byte[] xlsx) throws Exception {
        Map<String, List<Row>> sheets = new HashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                sheets.put(sheet.getName(), sheet.read());
            }
        }
        return sheets;
    }

    private static ApiResponse ok(ApiResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
