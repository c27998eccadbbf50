package dev.fairlead.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.idev.excel.FastExcel;
import dev.fairlead.support.Api;
import dev.fairlead.support.ApiResponse;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportIT {

    private static final Charset GBK = Charset.forName("GBK");

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Autowired
    OrgFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.fairlead.leads.LeadOwnership ownership;

    @TempDir
    Path dir;

    OrgFixtures.Org org;

    @BeforeAll
    void organisation() {
        org = fixtures.eastAndSouthChina();
    }

    @Test
    void importsAnXlsxWithChineseHeadersAndAccountsForEveryRow() throws Exception {
        Path xlsx = dir.resolve("展会线索.xlsx");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("公司名称", "联系人", "职位", "手机号码", "邮箱", "省份", "城市", "行业", "公司规模", "预算（元）", "最近行为", "行为时间"));
        rows.add(List.of("宁波海曙精工机械有限公司", "何静", "采购经理", "13811110001", "hejing@haishu.example.cn", "浙江", "宁波", "制造业", "500-1999人", "80万", "预约演示", "2026-01-10 10:00"));
        rows.add(List.of("成都天府软件股份有限公司", "罗斌", "CTO", "13811110002", "", "四川省", "成都市", "软件", "中型", "¥300,000", "", ""));
        rows.add(List.of("无名氏公司", "", "", "13811110003", "", "", "", "", "", "", "", ""));
        rows.add(List.of("宁波海曙精工机械有限公司", "何静", "采购总监", "138 1111 0001", "", "", "", "", "", "", "", ""));
        rows.add(List.of("西安秦川贸易有限公司", "白雪", "", "12345", "baixue@qinchuan", "陕西", "广州", "", "巨大", "很多", "", ""));
        FastExcel.write(xlsx.toFile()).sheet("线索").doWrite(rows);

        JsonNode upload = upload(xlsx, "AUTO").tree();
        long id = upload.path("job").path("id").asLong();
        JsonNode mapping = upload.path("proposedMapping");
        assertThat(mapping.path("0").asString()).isEqualTo("COMPANY");
        assertThat(mapping.path("3").asString()).isEqualTo("PHONE");
        assertThat(mapping.path("9").asString()).isEqualTo("BUDGET");
        assertThat(mapping.path("11").asString()).isEqualTo("BEHAVIOUR_AT");

        start(id, mapping);
        JsonNode job = finished(id);

        assertThat(job.path("status").asString()).isEqualTo("DONE");
        assertThat(job.path("rowsRead").asInt()).isEqualTo(5);
        assertThat(job.path("accepted").asInt()).isEqualTo(2);
        assertThat(job.path("merged").asInt()).isEqualTo(1);
        assertThat(job.path("rejected").asInt()).isEqualTo(2);
        assertThat(job.path("accepted").asInt() + job.path("merged").asInt() + job.path("rejected").asInt())
                .isEqualTo(job.path("rowsRead").asInt());
        JsonNode lead = jdbc.sql("SELECT budget, company_size, city_code, title FROM lead WHERE email = 'hejing@haishu.example.cn'")
                .query((rs, n) -> api.json().createObjectNode().put("budget", rs.getBigDecimal(1).intValue())
                        .put("size", rs.getString(2)).put("city", rs.getString(3)).put("title", rs.getString(4)))
                .single();
        assertThat(lead.path("budget").asInt()).isEqualTo(800000);
        assertThat(lead.path("size").asString()).isEqualTo("LARGE");
        assertThat(lead.path("city").asString()).isEqualTo("330200");
        assertThat(lead.path("title").asString()).isEqualTo("采购经理");

        String rejected = api.as(org.director().token()).get("/api/imports/" + id + "/rejected.csv").body();
        assertThat(rejected.lines()).hasSize(3);
        assertThat(rejected).contains("联系人").contains("无名氏公司").contains("西安秦川贸易有限公司").contains("手机号码").contains("公司规模");
    }

    @Test
    void importsAGbkCsvWithBadRowsAndListsEachRowsOutcome() throws Exception {
        String csv = """
                公司,联系人,电话,邮箱,省份,城市,行业,预算
                广州珠江食品有限公司,陈晓,13922220001,chenxiao@zhujiang.example.cn,广东,广州,食品,50000
                深圳南山电子有限公司,李强,13922220002,,44,4403,电子,120万
                ,没有电话,,,,,,
                东莞长安五金厂,周杰,0769-85551234,zhoujie@changan.example.cn,广东,东莞,制造业,abc
                佛山顺德家电有限公司,吴昊,+8613922220005,wuhao@shunde.example.cn,广东,佛山,家电,200000
                广州珠江食品有限公司,陈晓,13922220001,,,,,
                """;
        Path file = dir.resolve("leads-gbk.csv");
        Files.write(file, csv.getBytes(GBK));

        JsonNode upload = upload(file, "AUTO").tree();
        long id = upload.path("job").path("id").asLong();
        assertThat(upload.path("job").path("charset").asString()).isEqualTo("GBK");
        assertThat(upload.path("job").path("headers").get(1).asString()).isEqualTo("联系人");
        assertThat(upload.path("job").path("sample").get(0).get(0).asString()).isEqualTo("广州珠江食品有限公司");

        start(id, upload.path("proposedMapping"));
        JsonNode job = finished(id);

        assertThat(job.path("rowsRead").asInt()).isEqualTo(6);
        assertThat(job.path("accepted").asInt()).isEqualTo(3);
        assertThat(job.path("merged").asInt()).isEqualTo(1);
        assertThat(job.path("rejected").asInt()).isEqualTo(2);
        List<JsonNode> rows = api.as(org.director().token()).get("/api/imports/" + id + "/rows").tree().valueStream().toList();
        assertThat(rows).extracting(r -> r.path("rowNumber").asInt()).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(rows).extracting(r -> r.path("outcome").asString())
                .containsExactly("CREATED", "CREATED", "REJECTED", "REJECTED", "CREATED", "MERGED");
        assertThat(rows.get(3).path("reason").asString()).contains("预算");
        assertThat(rows.get(5).path("leadId").asLong()).isEqualTo(rows.get(0).path("leadId").asLong());

        String rejected = api.as(org.director().token()).get("/api/imports/" + id + "/rejected.csv").body();
        assertThat(rejected).contains("reason").contains("东莞长安五金厂").contains("abc");
    }

    @Test
    void aChunkWithABadRowInTheMiddleAndDuplicatesOfItsOwnAndOfAStoredLeadAccountsForEveryRow() throws Exception {
        ApiResponse stored = api.as(org.director().token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/leads", Map.of("source", "API", "contactName", "钱老板", "phone", "13944440009"));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        long existing = stored.tree().path("leadId").asLong();
        Path file = dir.resolve("chunk.csv");
        Files.writeString(file, """
                contact,phone,email
                林一,13944440001,linyi@chunk.example.cn
                林二,not-a-phone,
                林一,,LinYi@Chunk.example.cn
                钱老板,139 4444 0009,qian@chunk.example.cn
                林三,13944440003,
                """, StandardCharsets.UTF_8);

        JsonNode upload = upload(file, "UTF-8").tree();
        long id = upload.path("job").path("id").asLong();
        start(id, upload.path("proposedMapping"));
        JsonNode job = finished(id);

        assertThat(job.path("rowsRead").asInt()).isEqualTo(5);
        assertThat(job.path("accepted").asInt()).isEqualTo(2);
        assertThat(job.path("merged").asInt()).isEqualTo(2);
        assertThat(job.path("rejected").asInt()).isEqualTo(1);
        List<JsonNode> rows = api.as(org.director().token()).get("/api/imports/" + id + "/rows").tree().valueStream().toList();
        assertThat(rows).extracting(r -> r.path("outcome").asString())
                .containsExactly("CREATED", "REJECTED", "MERGED", "MERGED", "CREATED");
        assertThat(rows.get(2).path("leadId").asLong()).isEqualTo(rows.get(0).path("leadId").asLong());
        assertThat(rows.get(3).path("leadId").asLong()).isEqualTo(existing);
        assertThat(jdbc.sql("SELECT email FROM lead WHERE id = :id").param("id", existing).query(String.class).single())
                .isEqualTo("qian@chunk.example.cn");
        assertThat(jdbc.sql("SELECT count(*) FROM lead_merge WHERE channel = :c").param("c", "import:" + id).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM routing_assignment WHERE lead_id IN (:a, :b)")
                .param("a", rows.get(0).path("leadId").asLong()).param("b", rows.get(4).path("leadId").asLong())
                .query(Integer.class).single()).isEqualTo(2);
    }

    /**
     * 450 rows, three chunks of 200 (the default): chunks are stored on the job's own thread while the
     * reading thread validates the next, yet one at a time and in file order, so a row of the third
     * chunk merges into the lead a row of the first chunk created, and the audit trail names the
     * person who started the import.
     */
    @Test
    void rowsOverSeveralChunksAreStoredInFileOrderAndAccountedFor() throws Exception {
        StringBuilder csv = new StringBuilder("contact,phone\n");
        for (int i = 1; i <= 450; i++) {
            int phone = i <= 400 ? i : i - 400;
            csv.append("分块").append(i).append(',').append(i % 100 == 0 ? "not-a-phone" : String.format("1597531%04d", phone)).append('\n');
        }
        Path file = dir.resolve("chunks.csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);

        JsonNode upload = upload(file, "UTF-8").tree();
        long id = upload.path("job").path("id").asLong();
        start(id, upload.path("proposedMapping"));
        JsonNode job = finished(id);

        assertThat(job.path("status").asString()).isEqualTo("DONE");
        assertThat(job.path("rowsRead").asInt()).isEqualTo(450);
        assertThat(job.path("rejected").asInt()).isEqualTo(4);
        assertThat(job.path("merged").asInt()).isEqualTo(50);
        assertThat(job.path("accepted").asInt()).isEqualTo(396);
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            rows.addAll(api.as(org.director().token()).get("/api/imports/" + id + "/rows?size=100&page=" + page).tree().valueStream().toList());
        }
        assertThat(rows).extracting(r -> r.path("rowNumber").asInt()).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(2, 451).boxed().toList());
        for (int k = 1; k <= 50; k++) {
            JsonNode first = rows.get(k - 1);
            JsonNode again = rows.get(400 + k - 1);
            assertThat(first.path("outcome").asString()).isEqualTo("CREATED");
            assertThat(again.path("outcome").asString()).as("row %d", 401 + k).isEqualTo("MERGED");
            assertThat(again.path("leadId").asLong()).isEqualTo(first.path("leadId").asLong());
        }
        List<String> actors = jdbc.sql("""
                        SELECT DISTINCT actor FROM audit_event
                        WHERE entity_type = 'lead' AND action = 'CREATE' AND entity_id IN (:first, :last)
                        """)
                .param("first", rows.get(0).path("leadId").asString()).param("last", rows.get(398).path("leadId").asString())
                .query(String.class).list();
        assertThat(actors).containsExactly(job.path("createdBy").asString());
    }

    @Test
    void aManagersImportFlagsARowMatchingAnotherTeamsLeadInsteadOfMergingIntoIt() throws Exception {
        long theirs = api.as(org.director().token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/leads", Map.of("source", "API", "contactName", "何老板", "phone", "13944447777")).tree().path("leadId").asLong();
        ownership.assign(theirs, org.huJun().id(), "test", false);
        Path file = dir.resolve("other-team.csv");
        Files.writeString(file, "contact,phone,email\n何老板,13944447777,he@import.example.cn\n", StandardCharsets.UTF_8);

        JsonNode upload = upload(file, "UTF-8", org.manager().token()).tree();
        long id = upload.path("job").path("id").asLong();
        assertThat(api.as(org.manager().token()).post("/api/imports/" + id + "/start", Map.of("mapping", upload.path("proposedMapping")))
                .status()).isEqualTo(200);
        finished(id);

        JsonNode row = api.as(org.manager().token()).get("/api/imports/" + id + "/rows").tree().get(0);
        assertThat(row.path("outcome").asString()).as(row.toString()).isEqualTo("FLAGGED");
        assertThat(row.path("leadId").asLong()).isNotEqualTo(theirs);
        assertThat(jdbc.sql("SELECT email FROM lead WHERE id = :id").param("id", theirs).query(String.class).optional())
                .as("nothing written into 深圳组's lead").isEmpty();
    }

    @Test
    void aRowWithABadOptionalFieldIsStoredWithoutItAndCountedAsSetAside() throws Exception {
        String csv = """
                公司,联系人,电话,邮箱,邮编
                杭州西湖茶业有限公司,沈清,0571-bad,shenqing@xihu.example.cn,310000
                杭州滨江软件有限公司,韩松,13977770002,hansong@binjiang.example.cn,31
                杭州拱墅物流有限公司,许静,0571-bad,,310000
                """;
        Path file = dir.resolve("set-aside.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        JsonNode upload = upload(file, "UTF-8").tree();
        long id = upload.path("job").path("id").asLong();
        start(id, upload.path("proposedMapping"));
        JsonNode job = finished(id);

        assertThat(job.path("rowsRead").asInt()).isEqualTo(3);
        assertThat(job.path("accepted").asInt()).isEqualTo(2);
        assertThat(job.path("rejected").asInt()).isEqualTo(1);
        assertThat(job.path("setAside").asInt()).isEqualTo(2);
        List<JsonNode> rows = api.as(org.director().token()).get("/api/imports/" + id + "/rows").tree().valueStream().toList();
        assertThat(rows).extracting(r -> r.path("outcome").asString()).containsExactly("CREATED", "CREATED", "REJECTED");
        assertThat(rows.get(0).path("reason").asString()).contains("电话").contains("0571-bad");
        assertThat(rows.get(1).path("reason").asString()).contains("邮编");
        long lead = rows.get(0).path("leadId").asLong();
        JsonNode items = api.as(org.director().token()).get("/api/leads/" + lead + "/set-aside").tree();
        assertThat(items.get(0).path("channel").asString()).isEqualTo("import:" + id);
        assertThat(api.as(org.director().token()).get("/imports/" + id).body()).contains("id=\"count-set-aside\"");
    }

    @Test
    void theUserCanOverrideTheDetectedEncoding() throws Exception {
        Path file = dir.resolve("utf8.csv");
        Files.writeString(file, "contact,phone\n张三,13933330001\n", StandardCharsets.UTF_8);

        ApiResponse response = upload(file, "UTF-8");

        assertThat(response.tree().path("job").path("charset").asString()).isEqualTo("UTF-8");
        assertThat(response.tree().path("proposedMapping").path("0").asString()).isEqualTo("CONTACT_NAME");
    }

    @Test
    void refusesAFileThatIsNotASpreadsheet() throws Exception {
        Path file = dir.resolve("notes.pdf");
        Files.writeString(file, "not a spreadsheet");

        ApiResponse response = upload(file, null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("file");
    }

    @Test
    void aRepCannotImport() throws Exception {
        Path file = dir.resolve("rep.csv");
        Files.writeString(file, "contact,phone\n张三,13933330002\n");

        assertThat(upload(file, null, org.rep().token()).status()).isEqualTo(403);
    }

    private void start(long id, JsonNode mapping) {
        ApiResponse started = api.as(org.director().token()).post("/api/imports/" + id + "/start", Map.of("mapping", mapping));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
    }

    private JsonNode finished(long id) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.as(org.director().token()).get("/api/imports/" + id).tree(),
                        job -> job.path("status").asString().equals("DONE") || job.path("status").asString().equals("FAILED"));
    }

    private ApiResponse upload(Path file, String charset) throws Exception {
        return upload(file, charset, org.director().token());
    }

    private ApiResponse upload(Path file, String charset, String token) throws Exception {
        String boundary = "----fairlead" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        if (charset != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"charset\"\r\n\r\n" + charset + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new ApiResponse(response.statusCode(), response.headers(), response.body(), api.json());
    }
}
