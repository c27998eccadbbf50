package dev.fairlead.common.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.idev.excel.FastExcel;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.fairlead.leads.Lead;
import dev.fairlead.support.Api;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import dev.fairlead.support.WorkLeadFixtures;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every list but leads (LeadExportIT) exported to CSV, parsed back with FastCSV: the viewer's rows, in their language. */
@IntegrationTest
@Import(WorkLeadFixtures.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListExportsIT {

    @Autowired OrgFixtures fixtures;
    @Autowired WorkLeadFixtures leads;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    OrgFixtures.Org org;
    long pool;
    Lead pooled;

    @BeforeAll
    void records() {
        org = fixtures.eastAndSouthChina();
        Lead lead = leads.ownedBy(org.liNa());
        assertThat(api.as(org.rep().token()).post("/api/deals/from-lead/" + lead.id(), "{}").status()).isEqualTo(201);
        Lead southern = leads.ownedBy(org.huJun());
        assertThat(api.as(org.director().token()).post("/api/deals/from-lead/" + southern.id(), "{}").status()).isEqualTo(201);
        assertThat(api.as(org.rep().token()).post("/api/tasks", Map.of("title", "=给客户回电 " + org.n(), "typeCode", "CALL",
                "leadId", lead.id())).status()).isEqualTo(201);
        pool = api.as(org.admin().token()).post("/api/pools", Map.of("name", "上海公海 export " + org.n(), "claimsPerDay", 5,
                "countWonCustomers", false, "coolDownDays", 0, "teamIds", List.of(org.shanghai().id()))).tree().path("id").asLong();
        pooled = leads.inPool(pool);
    }

    @Test
    void aManagersRepsAreTheTeamsInChinese() throws Exception {
        List<CsvRecord> rows = csv(org.manager().token(), "/api/reps/export?format=csv", "zh-CN");

        assertThat(rows.get(0).getFields()).startsWith("编号", "姓名", "团队");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.getField(1))
                .containsExactlyInAnyOrder("李娜", "王伟", "Emily Chen");
    }

    @Test
    void aRepsTasksAreHerOwnWithTheFormulaNeutralised() throws Exception {
        List<CsvRecord> rows = csv(org.rep().token(), "/api/tasks/export?format=csv&view=mine", "zh-CN");

        assertThat(rows.get(0).getField(1)).isEqualTo("标题");
        assertThat(rows.subList(1, rows.size())).anySatisfy(r -> {
            assertThat(r.getField(1)).isEqualTo("'=给客户回电 " + org.n());
            assertThat(r.getField(3)).isEqualTo("待办");
        });
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r.getField(7)).isEqualTo("李娜"));
        assertThat(api.as(org.rep().token()).get("/api/tasks/export?view=all").status()).isEqualTo(400);
    }

    @Test
    void dealsFollowTheScope() throws Exception {
        List<CsvRecord> manager = csv(org.manager().token(), "/api/deals/export?format=csv", "en");
        List<CsvRecord> director = csv(org.director().token(), "/api/deals/export?format=csv&open=true", "en");

        assertThat(manager.get(0).getFields()).startsWith("ID", "Name", "Customer", "Owner", "Stage");
        assertThat(manager.subList(1, manager.size())).extracting(r -> r.getField(3)).containsOnly("李娜");
        assertThat(director.subList(1, director.size())).extracting(r -> r.getField(3)).contains("李娜", "胡军");
    }

    @Test
    void aPoolsLeadsExportForThoseWhoSeeThePoolOnly() throws Exception {
        List<CsvRecord> rows = csv(org.rep().token(), "/api/pools/" + pool + "/leads/export?format=csv", "zh-CN");

        assertThat(rows.get(0).getFields()).startsWith("编号", "联系人");
        assertThat(rows.subList(1, rows.size())).extracting(r -> Long.parseLong(r.getField(0))).containsExactly(pooled.id());
        assertThat(api.as(loginOf("hu").token()).get("/api/pools/" + pool + "/leads/export").status())
                .isEqualTo(404);
    }

    @Test
    void theAuditTrailExportsAndRecordsTheExportItself() throws Exception {
        bytes(org.manager().token(), "/api/reps/export?format=xlsx", "zh-CN");
        byte[] xlsx = bytes(org.admin().token(), "/api/audit/export?format=xlsx&entityType=export&actor=" + org.manager().username(), "zh-CN");

        List<Map<Integer, String>> sheet = FastExcel.read(new ByteArrayInputStream(xlsx)).sheet(0).headRowNumber(0).doReadSync();
        assertThat(sheet.get(0).values()).contains("时间", "操作人", "操作");
        assertThat(sheet.subList(1, sheet.size())).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get(3)).isEqualTo("导出");
            assertThat(r.get(5)).isEqualTo("reps");
        });
    }

    OrgFixtures.Login loginOf(String prefix) {
        return fixtures.login(OrgFixtures.username(prefix), "胡军 (rep)", dev.fairlead.common.Role.REP, null, org.huJun().id());
    }

    List<CsvRecord> csv(String token, String path, String language) throws Exception {
        byte[] body = bytes(token, path, language);
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true)
                .ofCsvRecord(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            return reader.stream().toList();
        }
    }

    byte[] bytes(String token, String path, String language) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response.body();
    }
}
