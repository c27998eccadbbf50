package dev.fairlead.leads;

import static org.assertj.core.api.Assertions.assertThat;

import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.read.listener.ReadListener;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.fairlead.audit.AuditEntry;
import dev.fairlead.audit.AuditFilter;
import dev.fairlead.audit.AuditTrail;
import dev.fairlead.common.Viewer;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The lead list exported: 100,000 leads of the Shanghai team (and its key-account team below it) and
 * 20,000 of Shenzhen, inserted with one statement. The cap is set to exactly 100,000, so the
 * manager's export is the largest allowed and the director's (120,000 rows and more) is refused.
 */
@IntegrationTest
@TestPropertySource(properties = "fairlead.exports.max-rows=100000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadExportIT {

    static final String INJECTION = "=HYPERLINK(\"http://evil.test\",\"点我\")";

    @Autowired OrgFixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired Clock clock;
    @LocalServerPort int port;

    OrgFixtures.Org org;

    @BeforeAll
    void hundredThousandLeads() {
        org = fixtures.eastAndSouthChina();
        jdbc.sql("""
                INSERT INTO lead (source, company, contact_name, phone, email, status, owner_rep_id, owner_team_id,
                                  score, grade, created_at, assigned_at)
                SELECT 'WEB_FORM',
                       CASE WHEN g = 1 THEN '+86 cmd' ELSE '导出测试公司' || g END,
                       CASE WHEN g = 1 THEN :injection ELSE '联系人' || g END,
                       CASE WHEN g = 1 THEN '-1+1' ELSE '138' || lpad(g::text, 8, '0') END,
                       CASE WHEN g = 1 THEN '@SUM(A1)' ELSE 'lead' || g || '@export.test' END,
                       CASE g % 3 WHEN 0 THEN 'NEW' WHEN 1 THEN 'CONTACTED' ELSE 'QUALIFIED' END,
                       CASE g % 3 WHEN 0 THEN :wangWei WHEN 1 THEN :liNa ELSE :emily END,
                       CASE g % 3 WHEN 2 THEN :keyAccounts ELSE :shanghai END,
                       g % 101, 'B', now() - g * interval '1 second', now() - g * interval '1 second'
                FROM generate_series(1, 100000) g
                """)
                .param("injection", INJECTION).param("liNa", org.liNa().id()).param("wangWei", org.wangWei().id())
                .param("emily", org.emilyChen().id()).param("shanghai", org.shanghai().id())
                .param("keyAccounts", org.shanghaiKeyAccounts().id()).update();
        jdbc.sql("""
                INSERT INTO lead (source, company, contact_name, status, owner_rep_id, owner_team_id, created_at)
                SELECT 'EVENT', '深圳公司' || g, '深圳联系人' || g, 'NEW', :huJun, :shenzhen, now() - g * interval '1 second'
                FROM generate_series(1, 20000) g
                """).param("huJun", org.huJun().id()).param("shenzhen", org.shenzhen().id()).update();
    }

    @Test
    void aManagersHundredThousandRowWorkbookOpensAndHoldsExactlyTheTeamsLeadsInChinese() throws Exception {
        HttpResponse<InputStream> response = get(org.manager().token(), "/api/leads/export?format=xlsx", "zh-CN");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment").contains("leads-" + LocalDate.now(clock) + ".xlsx");
        assertThat(response.headers().firstValue("X-Export-Rows")).hasValue("100000");
        List<String> header = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        Set<String> owners = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        List<String> injected = new ArrayList<>();
        try (InputStream body = response.body()) {
            FastExcel.read(body, new ReadListener<Map<Integer, String>>() {
                @Override
                public void invoke(Map<Integer, String> row, AnalysisContext context) {
                    if (context.readRowHolder().getRowIndex() == 0) {
                        header.addAll(row.values());
                        return;
                    }
                    ids.add(Long.parseLong(row.get(0)));
                    owners.add(row.get(10));
                    statuses.add(row.get(6));
                    if (row.get(1).contains("HYPERLINK")) {
                        injected.addAll(List.of(row.get(1), row.get(2), row.get(4), row.get(5)));
                    }
                }

                @Override
                public void doAfterAllAnalysed(AnalysisContext context) {}
            }).sheet(0).headRowNumber(0).doRead();
        }

        assertThat(header).startsWith("编号", "联系人", "公司").contains("负责人", "状态");
        assertThat(ids).hasSize(100_000).isEqualTo(Set.copyOf(jdbc.sql(
                "SELECT id FROM lead WHERE owner_team_id IN (:teams)")
                .param("teams", List.of(org.shanghai().id(), org.shanghaiKeyAccounts().id())).query(Long.class).list()));
        assertThat(owners).containsExactlyInAnyOrder("李娜", "王伟", "Emily Chen");
        assertThat(statuses).containsExactlyInAnyOrder("新线索", "已联系", "已确认需求");
        assertThat(injected).containsExactly("'" + INJECTION, "'+86 cmd", "'-1+1", "'@SUM(A1)");
        List<AuditEntry> exports = audit.search(Viewer.system(), new AuditFilter("export", "leads", org.manager().username(),
                "EXPORT", null, null, 0, 50)).items();
        assertThat(exports).anySatisfy(e -> assertThat(e.after()).containsEntry("format", "xlsx").containsEntry("rows", 100000)
                .containsEntry("complete", true));
    }

    @Test
    void aRepsCsvHoldsHerOwnLeadsWithAByteOrderMarkAndNeutralisedFormulas() throws Exception {
        byte[] csv = bytes(org.rep().token(), "/api/leads/export?format=csv", "zh-CN");

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        List<CsvRecord> rows = parse(csv);
        assertThat(rows.get(0).getFields()).startsWith("编号", "联系人", "公司");
        List<CsvRecord> leads = rows.subList(1, rows.size());
        long own = jdbc.sql("SELECT count(*) FROM lead WHERE owner_rep_id = :rep").param("rep", org.liNa().id())
                .query(Long.class).single();
        assertThat(leads).hasSize((int) own);
        assertThat(leads).allSatisfy(r -> assertThat(r.getField(10)).isEqualTo("李娜"));
        assertThat(leads).filteredOn(r -> r.getField(1).contains("HYPERLINK")).singleElement()
                .satisfies(r -> assertThat(List.of(r.getField(1), r.getField(2), r.getField(4), r.getField(5)))
                        .containsExactly("'" + INJECTION, "'+86 cmd", "'-1+1", "'@SUM(A1)"));
    }

    @Test
    void theListsFiltersNarrowTheExportAndEnglishReadersGetEnglish() throws Exception {
        byte[] csv = bytes(org.manager().token(), "/api/leads/export?format=csv&status=CONTACTED&ownerRepId="
                + org.liNa().id() + "&q=%E8%81%94%E7%B3%BB%E4%BA%BA1", "en");

        List<CsvRecord> rows = parse(csv);
        assertThat(rows.get(0).getFields()).startsWith("ID", "Contact", "Company");
        long expected = jdbc.sql("""
                SELECT count(*) FROM lead WHERE status = 'CONTACTED' AND owner_rep_id = :rep AND contact_name LIKE '联系人1%'
                """).param("rep", org.liNa().id()).query(Long.class).single();
        assertThat(expected).isPositive();
        assertThat(rows).hasSize((int) expected + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> {
            assertThat(r.getField(6)).isEqualTo("Contacted");
            assertThat(r.getField(1)).startsWith("联系人1");
        });
    }

    @Test
    void anExportOverTheCapIsRefusedWithAMessageInTheCallersLanguage() throws Exception {
        HttpResponse<InputStream> response = get(org.director().token(), "/api/leads/export?format=xlsx", "zh-CN");
        String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body).contains("单次最多可导出 100000 行");
        HttpResponse<InputStream> english = get(org.director().token(), "/api/leads/export?format=csv", "en");
        assertThat(new String(english.body().readAllBytes(), StandardCharsets.UTF_8)).contains("at most 100000 can be exported");
    }

    @Test
    void anUnknownFormatIsABadRequest() throws Exception {
        HttpResponse<InputStream> response = get(org.manager().token(), "/api/leads/export?format=pdf", "en");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).contains("must be csv or xlsx");
    }

    static List<CsvRecord> parse(byte[] csv) throws Exception {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true)
                .ofCsvRecord(new ByteArrayInputStream(csv), StandardCharsets.UTF_8)) {
            return reader.stream().toList();
        }
    }

    byte[] bytes(String token, String path, String language) throws Exception {
        HttpResponse<InputStream> response = get(token, path, language);
        byte[] body = response.body().readAllBytes();
        assertThat(response.statusCode()).as(new String(body, StandardCharsets.UTF_8)).isEqualTo(200);
        return body;
    }

    HttpResponse<InputStream> get(String token, String path, String language) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }
}
