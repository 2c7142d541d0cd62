package cn.league.org.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.org.support.OrgApi;
import cn.league.org.support.OrgEvents;
import cn.league.test.TopicReader;
import cn.league.test.TestTokens;
import tools.jackson.databind.JsonNode;

import static cn.league.org.support.OrgEvents.await;
import static cn.league.org.support.People.BEIJING_ADMIN;
import static cn.league.org.support.People.DISTRICT_ADMIN;
import static cn.league.org.support.People.SIBLING_DISTRICT_ADMIN;
import static cn.league.org.support.People.freshPerson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminCodesApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    OrgApi api;
    AdminTree tree;
    TopicReader topic;

    @BeforeEach
    void tree() {
        api = new OrgApi(port, jdbc);
        tree = new AdminTree(api);
        topic = OrgEvents.reader();
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    @DisplayName("R-ADM-3 the direct parent's admin makes a code for one child: random, hashed, 30 days, announced")
    void oneCode() {
        var issued = api.post(DISTRICT_ADMIN, "/api/orgs/" + tree.committee + "/admin-codes", null);

        assertThat(issued.status()).isEqualTo(201);
        String code = issued.json().path("code").asString();
        assertThat(code).hasSizeGreaterThanOrEqualTo(10);
        assertThat(issued.json().path("fullName").asString()).isEqualTo("某国企团委");
        Instant expiresAt = Instant.parse(issued.json().path("expiresAt").asString());
        assertThat(expiresAt).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(1)));

        var stored = jdbc.sql("select code_hash from admin_code where org_id = ?").param(tree.committee)
                .query(String.class).list();
        assertThat(stored).containsExactly(AdminCode.hash(code));
        assertThat(jdbc.sql("select count(*) from admin_code where code_hash = ? or issued_by = ?")
                .params(code, code).query(Integer.class).single()).as("the code itself is nowhere").isZero();

        JsonNode event = await(topic, "AdminCodesIssued.v1",
                data -> data.path("orgIds").path(0).asLong() == tree.committee).data();
        assertThat(event.path("parentId").asLong()).isEqualTo(tree.district);
        assertThat(event.toString()).doesNotContain(code);
    }

    @Test
    @DisplayName("R-ADM-3 a new code for the same child replaces the unused old one")
    void newCodeReplacesOld() {
        String old = tree.codeFor(DISTRICT_ADMIN, tree.committee);
        String fresh = tree.codeFor(DISTRICT_ADMIN, tree.committee);
        String person = freshPerson();

        var withOld = tree.register(person, old, "张三", "副书记");
        assertThat(withOld.status()).isEqualTo(422);
        assertThat(withOld.code()).isEqualTo("ADMIN_CODE_REPLACED");
        assertThat(tree.register(person, fresh, "张三", "副书记").status()).isEqualTo(201);
    }

    @Test
    @DisplayName("R-SCOPE-2 one code: only the direct parent's admin; the org's own, a grandparent's, a sibling's and a child's admin are refused")
    void oneCodeScope() {
        String path = "/api/orgs/" + tree.committee + "/admin-codes";
        for (String refused : List.of(tree.committeeAdmin, BEIJING_ADMIN, SIBLING_DISTRICT_ADMIN, tree.branchAdmin)) {
            var response = api.post(refused, path, null);
            assertThat(response.status()).as(refused).isEqualTo(403);
            assertThat(response.code()).isEqualTo("PARENT_ADMIN_ONLY");
            assertThat(response.rule()).isEqualTo("R-SCOPE-2");
        }
        assertThat(jdbc.sql("select count(*) from admin_code where org_id = ?").param(tree.committee)
                .query(Integer.class).single()).isZero();
    }

    @Test
    @DisplayName("R-SCOPE-2 all children's codes: only their direct parent's admin; a grandparent's, a sibling's and a child's admin are refused")
    void allCodesScope() {
        String path = "/api/orgs/" + tree.district + "/children/admin-codes";
        for (String refused : List.of(BEIJING_ADMIN, SIBLING_DISTRICT_ADMIN, tree.committeeAdmin)) {
            var response = api.post(refused, path, null);
            assertThat(response.status()).as(refused).isEqualTo(403);
            assertThat(response.rule()).isEqualTo("R-SCOPE-2");
            var sheet = download(refused, path);
            assertThat(sheet.statusCode()).as("the spreadsheet variant, " + refused).isEqualTo(403);
            assertThat(sheet.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    @DisplayName("R-ADM-3 codes for all direct children at once, as JSON or as the .xlsx to hand out")
    void allChildren() throws IOException {
        long second = api.createChild(DISTRICT_ADMIN, tree.district, "COMMITTEE", "RURAL", "某镇团委");
        long third = api.createChild(DISTRICT_ADMIN, tree.district, "WORK_COMMITTEE", "PRIVATE_ENTERPRISE", "某园区团工委");

        var json = api.post(DISTRICT_ADMIN, "/api/orgs/" + tree.district + "/children/admin-codes", null);
        assertThat(json.status()).isEqualTo(201);
        List<Long> orgIds = new ArrayList<>();
        json.json().path("codes").forEach(code -> orgIds.add(code.path("orgId").asLong()));
        assertThat(orgIds).containsExactly(tree.committee, second, third);

        var download = download(DISTRICT_ADMIN, "/api/orgs/" + tree.district + "/children/admin-codes");
        assertThat(download.statusCode()).isEqualTo(201);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).startsWith("attachment").contains(".xlsx"));
        List<List<String>> rows = new ArrayList<>();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.getStringCellValue()));
                rows.add(cells);
            }
        }
        assertThat(rows.getFirst()).containsExactly("组织全称", "组织简称", "管理员注册码", "有效期至");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2).subList(0, 2)).containsExactly("某镇团委", "某镇团委");
        assertThat(rows.get(2).get(3)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

        String fromSheet = rows.get(3).get(2);
        String fromJson = json.json().path("codes").path(2).path("code").asString();
        assertThat(tree.register(freshPerson(), fromJson, "李四", "书记").code())
                .as("the download replaced the JSON codes").isEqualTo("ADMIN_CODE_REPLACED");
        String person = freshPerson();
        assertThat(tree.register(person, fromSheet, "李四", "书记").status()).isEqualTo(201);
        assertThat(api.isAdmin(person, third)).isTrue();
    }

    private HttpResponse<byte[]> download(String as, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.get().accessToken(as))
                .header("Accept", AdminCodeSheet.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

}
