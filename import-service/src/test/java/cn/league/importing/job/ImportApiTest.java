package cn.league.importing.job;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.imports.ImportEvents.ImportFinished;
import cn.league.contracts.imports.ImportEvents.ImportOutcome;
import cn.league.importing.parse.HostileFiles;
import cn.league.importing.parse.Workbooks;
import cn.league.importing.support.ImportApi;
import cn.league.importing.support.MemberServiceStandIn;
import cn.league.importing.support.TreeReplica;
import cn.league.importing.template.FileFormat;
import cn.league.importing.template.Template;
import cn.league.test.ServiceApi;
import cn.league.test.TestKafka;
import cn.league.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.servlet.multipart.max-file-size=2MB", "spring.servlet.multipart.max-request-size=3MB",
                "league.import.poll=100ms", "league.import.batch-size=3"})
class ImportApiTest {

    static final MemberServiceStandIn MEMBER_SERVICE = new MemberServiceStandIn();
    static final AtomicInteger IDS = new AtomicInteger();
    static final String PROVINCE_ADMIN = "110105199001014329";
    static final String COMMITTEE_ADMIN = "440306199808085674";
    static final String SIBLING_ADMIN = "110101198507070012";
    static final String NOBODY = "110101198001011232";

    @DynamicPropertySource
    static void memberService(DynamicPropertyRegistry properties) {
        properties.add("league.member-service.url", MEMBER_SERVICE::url);
    }

    @AfterAll
    static void stop() {
        MEMBER_SERVICE.close();
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    ImportApi api;
    static TreeReplica.Standard tree;

    @BeforeEach
    void tree() {
        api = new ImportApi(port);
        if (tree == null) {
            tree = new TreeReplica(jdbc).standard(PROVINCE_ADMIN, COMMITTEE_ADMIN, SIBLING_ADMIN);
        }
    }

    static String idNumber() {
        return "1101012000%08dX".formatted(IDS.incrementAndGet()).substring(0, 18);
    }

    static List<String> member(String branch, String name, String id) {
        return Arrays.asList(branch, "团员", name, id, "汉族", "共青团员", "大学本科", "2015-05-04", null,
                "13800000000");
    }

    String upload(String as, Template template, FileFormat format, List<List<String>> rows) {
        var response = api.upload(as, template.code(), "名单." + format.extension(),
                Workbooks.filled(template, format, rows));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().path("id").asString();
    }

    @Test
    @DisplayName("R-IMP-2 R-IMP-3 a file with good and bad rows: the result sentence, a failure workbook in the template's layout and format with row, column and reason; the same file again imports nobody twice")
    void mixedFile() throws Exception {
        for (FileFormat format : FileFormat.values()) {
            String good1 = idNumber();
            String good2 = idNumber();
            String duplicated = idNumber();
            List<List<String>> rows = List.of(
                    member("某公司一支部", "甲", good1),
                    member(String.valueOf(tree.otherBranch()), "乙", good2),
                    member("某公司一支部", "拒丙", idNumber()),
                    member("不存在的支部", "丁", idNumber()),
                    member("某公司一支部", "戊", duplicated),
                    member("某公司二支部", "己", duplicated),
                    Arrays.asList("某公司一支部", "团员", "庚", idNumber(), "汉族", "共青团员", "本科", "去年"));

            String id = upload(COMMITTEE_ADMIN, Template.SUBORDINATE_MEMBERS, format, rows);
            JsonNode job = api.finished(COMMITTEE_ADMIN, id);

            assertThat(job.path("status").asString()).isEqualTo("DONE");
            assertThat(job.path("summary").asString()).isEqualTo("成功导入 2 位团员, 5 位团员导入失败");
            assertThat(job.path("rowsTotal").asInt()).isEqualTo(7);
            assertThat(job.path("percent").asInt()).isEqualTo(100);
            assertThat(MEMBER_SERVICE.holds(good1)).isTrue();
            assertThat(MEMBER_SERVICE.holds(duplicated)).isFalse();
            assertThat(MEMBER_SERVICE.uploaders()).contains(COMMITTEE_ADMIN);

            HttpResponse<byte[]> failures = api.download(COMMITTEE_ADMIN, "/api/imports/" + id + "/failures");
            assertThat(failures.statusCode()).isEqualTo(200);
            assertThat(FileFormat.of(failures.body())).contains(format);
            try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(failures.body()))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(1).getCell(12).getStringCellValue()).isEqualTo("失败原因");
                assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("拒丙");
                assertThat(sheet.getRow(2).getCell(12).getStringCellValue())
                        .isEqualTo("第5行 身份证号:身份证号校验位不正确");
                assertThat(sheet.getRow(3).getCell(12).getStringCellValue())
                        .startsWith("第6行 所在团支部:本组织下没有名为“不存在的支部”的团支部");
                assertThat(sheet.getRow(4).getCell(12).getStringCellValue())
                        .isEqualTo("第7行 身份证号:身份证号在本文件中重复(与第8行相同)");
                assertThat(sheet.getRow(6).getCell(12).getStringCellValue()).startsWith("第9行 入团时间:");
                assertThat(sheet.getLastRowNum()).isEqualTo(6);
            }

            String again = upload(COMMITTEE_ADMIN, Template.SUBORDINATE_MEMBERS, format, rows);
            JsonNode second = api.finished(COMMITTEE_ADMIN, again);
            assertThat(second.path("rowsImported").asInt()).isZero();
            assertThat(second.path("rowsAlreadyImported").asInt()).isEqualTo(2);
            assertThat(MEMBER_SERVICE.imported().get(good1).get()).isEqualTo(1);

            // the failure workbook, fixed, is a template again (its 失败原因 column is ignored)
            byte[] fixed = Workbooks.edit(failures.body(), format, sheet -> {
                sheet.getRow(2).getCell(2).setCellValue("丙");
                for (int r = 3; r <= 6; r++) {
                    sheet.removeRow(sheet.getRow(r));
                }
            });
            var reupload = api.upload(COMMITTEE_ADMIN, Template.SUBORDINATE_MEMBERS.code(), "fixed", fixed);
            assertThat(reupload.status()).as(reupload.body()).isEqualTo(202);
            assertThat(api.finished(COMMITTEE_ADMIN, reupload.json().path("id").asString()).path("summary")
                    .asString()).isEqualTo("成功导入 1 位团员, 0 位团员导入失败");
        }
    }

    @Test
    @DisplayName("R-IMP-2 R-OPS-1 a job that ends publishes ImportFinished once, keyed by the job: done with the counts of the result sentence, or refused with the file's problem")
    void endedJobsArePublished() {
        try (TopicReader importEvents = new TopicReader(TestKafka.bootstrapServers(), Topics.IMPORT_EVENTS)) {
            String done = upload(COMMITTEE_ADMIN, Template.SUBORDINATE_MEMBERS, FileFormat.XLSX, List.of(
                    member("某公司一支部", "甲", idNumber()), member("某公司一支部", "拒乙", idNumber())));
            var empty = api.upload(COMMITTEE_ADMIN, Template.SUBORDINATE_MEMBERS.code(), "空表.xls",
                    Workbooks.template(Template.SUBORDINATE_MEMBERS, FileFormat.XLS));
            assertThat(empty.status()).as(empty.body()).isEqualTo(202);
            String refused = empty.json().path("id").asString();
            assertThat(api.finished(COMMITTEE_ADMIN, done).path("status").asString()).isEqualTo("DONE");
            assertThat(api.finished(COMMITTEE_ADMIN, refused).path("status").asString()).isEqualTo("FAILED");

            var events = importEvents.readUntil(records -> records.stream()
                    .filter(r -> r.key().equals(done) || r.key().equals(refused)).count() >= 2, Duration.ofSeconds(30));
            importEvents.readFor(Duration.ofSeconds(1)); // a second publication would be here by now
            List<ImportFinished> ofDone = finished(events, done);
            assertThat(ofDone).singleElement().satisfies(event -> {
                assertThat(event.outcome()).isEqualTo(ImportOutcome.DONE);
                assertThat(event.orgId()).isEqualTo(tree.committee());
                assertThat(event.uploadedBy()).isEqualTo(COMMITTEE_ADMIN);
                assertThat(event.template()).isEqualTo("subordinate-members");
                assertThat(event.rowsStored()).isEqualTo(1);
                assertThat(event.rowsFailed()).isEqualTo(1);
                assertThat(event.problemCode()).isNull();
            });
            assertThat(finished(events, refused)).singleElement().satisfies(event -> {
                assertThat(event.outcome()).isEqualTo(ImportOutcome.REFUSED);
                assertThat(event.fileName()).isEqualTo("空表.xls");
                assertThat(event.problemCode()).isEqualTo("NO_ROWS");
                assertThat(event.problemDetail()).isEqualTo("表格中没有要导入的数据");
            });
        }
    }

    private static List<ImportFinished> finished(
            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> events, String jobId) {
        return events.stream().filter(record -> record.key().equals(jobId))
                .map(record -> EventJson.dataAs(EventJson.read(record.value()), ImportFinished.class)).toList();
    }

    @Test
    @DisplayName("R-IMP-1 导入本级团干部 enters cadres of the uploading org; the other template is refused with the FAQ's sentence")
    void ownCadresAndMixedUp() {
        String cadre = idNumber();
        String id = upload(COMMITTEE_ADMIN, Template.OWN_CADRES, FileFormat.XLS,
                List.of(Arrays.asList("张书记", cadre, "汉族", "中共党员", "大学本科", "2010-05-04", null,
                        "13800000000", null, "书记")));
        assertThat(api.finished(COMMITTEE_ADMIN, id).path("summary").asString())
                .isEqualTo("成功导入 1 位团员, 0 位团员导入失败");
        assertThat(MEMBER_SERVICE.holds(cadre)).isTrue();

        var mixed = api.upload(COMMITTEE_ADMIN, Template.OWN_CADRES.code(), "x.xlsx",
                Workbooks.filled(Template.SUBORDINATE_MEMBERS, FileFormat.XLSX, List.of(member("x", "甲", idNumber()))));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().path("detail").asString()).isEqualTo("您上传的 excel 表格错误,'导入本级团干部'和"
                + "'导入下级团支部团员团干部'中所下载的模板不可混用,请重新上传正确的表格");
        assertThat(mixed.rule()).isEqualTo("R-IMP-1");
    }

    @Test
    @DisplayName("R-IMP-1 templates download in both formats for an admin; someone who administers nothing is refused")
    void templates() {
        for (Template template : Template.values()) {
            for (FileFormat format : FileFormat.values()) {
                var file = api.download(COMMITTEE_ADMIN, "/api/imports/templates/" + template.code() + "."
                        + format.extension());
                assertThat(file.statusCode()).isEqualTo(200);
                assertThat(FileFormat.of(file.body())).contains(format);
            }
        }
        assertThat(api.download(NOBODY, "/api/imports/templates/own-cadres.xlsx").statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("R-SCOPE-1 a job, its file, its failures, its progress and cancelling it: the uploading org's admins and the bodies above, never an admin beside; lists show one's own uploads")
    void scope() {
        String id = upload(COMMITTEE_ADMIN, Template.SUBORDINATE_MEMBERS, FileFormat.XLSX,
                List.of(member("某公司一支部", "拒甲", idNumber())));
        api.finished(COMMITTEE_ADMIN, id);

        for (String path : List.of("", "/file", "/failures", "/progress")) {
            assertThat(api.download(SIBLING_ADMIN, "/api/imports/" + id + path).statusCode()).as(path)
                    .isEqualTo(404);
            assertThat(api.download(NOBODY, "/api/imports/" + id + path).statusCode()).as(path).isEqualTo(404);
            assertThat(api.download(PROVINCE_ADMIN, "/api/imports/" + id + path).statusCode()).as(path)
                    .isEqualTo(200);
            assertThat(api.download(COMMITTEE_ADMIN, "/api/imports/" + id + path).statusCode()).as(path)
                    .isEqualTo(200);
        }
        var cancel = api.post(SIBLING_ADMIN, "/api/imports/" + id + "/cancel", null);
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(cancel.code()).isEqualTo("IMPORT_NOT_FOUND");
        assertThat(api.post(COMMITTEE_ADMIN, "/api/imports/" + id + "/cancel", null).code())
                .isEqualTo("IMPORT_FINISHED");
        assertThat(api.upload(NOBODY, "subordinate-members", "a.xlsx",
                Workbooks.template(Template.SUBORDINATE_MEMBERS, FileFormat.XLSX)).status()).isEqualTo(403);

        JsonNode mine = api.get(COMMITTEE_ADMIN, "/api/imports?size=100").json();
        assertThat(mine.path("items").valueStream().map(job -> job.path("id").asString())).contains(id);
        JsonNode theirs = api.get(SIBLING_ADMIN, "/api/imports").json();
        assertThat(theirs.path("items").valueStream().map(job -> job.path("id").asString())).doesNotContain(id);
    }

    @Test
    @DisplayName("issue 16 R-SCOPE-1 another subtree's job answers every job operation as an unknown id: 404 IMPORT_NOT_FOUND, nothing that tells it exists")
    void aJobOutsideTheSubtreeIsAnUnknownJob() {
        String id = upload(COMMITTEE_ADMIN, Template.SUBORDINATE_MEMBERS, FileFormat.XLSX,
                List.of(member("某公司一支部", "范围", idNumber())));
        String unknown = java.util.UUID.randomUUID().toString();

        for (String path : List.of("", "/file", "/failures", "/progress", "/cancel")) {
            ServiceApi.Response foreign = job(path, id);
            assertThat(foreign.refusal()).as(path).isEqualTo(job(path, unknown).refusal());
            assertThat(foreign.status()).as(path).isEqualTo(404);
            assertThat(foreign.code()).as(path).isEqualTo("IMPORT_NOT_FOUND");
        }
    }

    /** The sibling subtree's admin on a job: POST for /cancel, GET otherwise. */
    private ServiceApi.Response job(String path, String id) {
        String url = "/api/imports/" + id + path;
        if (path.equals("/cancel")) {
            return api.post(SIBLING_ADMIN, url, null);
        }
        HttpResponse<byte[]> response = api.download(SIBLING_ADMIN, url);
        return new ServiceApi.Response(response.statusCode(),
                new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("the progress stream (server-sent events) reports until the job has finished")
    void progressStream() {
        String id = upload(COMMITTEE_ADMIN, Template.SUBORDINATE_MEMBERS, FileFormat.XLSX,
                List.of(member("某公司一支部", "甲", idNumber()), member("某公司一支部", "乙", idNumber())));
        HttpResponse<byte[]> stream = api.download(COMMITTEE_ADMIN, "/api/imports/" + id + "/progress");
        String events = new String(stream.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(events).contains("event:progress").contains("\"status\":\"DONE\"")
                .contains("成功导入 2 位团员, 0 位团员导入失败");
    }

    @Test
    @DisplayName("hostile files: refused with a Chinese problem at upload, or the job fails before any row is sent; the service stays healthy")
    void hostileFiles() {
        record Case(String name, byte[] bytes, int status, String code) {
        }
        for (Case refused : List.of(
                new Case("名单.csv.xlsx", HostileFiles.csv(), 415, "NOT_A_SPREADSHEET"),
                new Case("名单.xls", HostileFiles.pdf(), 415, "NOT_A_SPREADSHEET"),
                new Case("名单.xlsx", HostileFiles.corruptZip(), 400, "SPREADSHEET_UNREADABLE"),
                new Case("名单.xlsx", HostileFiles.encryptedXlsx(), 400, "SPREADSHEET_ENCRYPTED"),
                new Case("名单.xls", HostileFiles.encryptedXls(), 400, "SPREADSHEET_ENCRYPTED"),
                new Case("名单.xlsx", HostileFiles.entities(), 400, "SPREADSHEET_UNSAFE"),
                new Case("名单.xlsx", new byte[3 * 1024 * 1024], 413, "FILE_TOO_LARGE"))) {
            var response = api.upload(COMMITTEE_ADMIN, "subordinate-members", refused.name(), refused.bytes());
            assertThat(response.status()).as(refused.code() + " " + response.body()).isEqualTo(refused.status());
            assertThat(response.code()).isEqualTo(refused.code());
            assertThat(response.json().path("detail").asString()).containsPattern("\\p{IsHan}");
        }

        var bomb = api.upload(COMMITTEE_ADMIN, "subordinate-members", "名单.xlsx", HostileFiles.zipBomb());
        if (bomb.status() == 202) {
            JsonNode job = api.finished(COMMITTEE_ADMIN, bomb.json().path("id").asString());
            assertThat(job.path("status").asString()).isEqualTo("FAILED");
            assertThat(job.path("problem").path("code").asString()).isEqualTo("SPREADSHEET_TOO_LARGE_INSIDE");
            assertThat(job.path("problem").path("detail").asString()).containsPattern("\\p{IsHan}");
            assertThat(job.path("rowsChecked").asInt()).isZero();
        } else {
            assertThat(bomb.code()).isEqualTo("SPREADSHEET_TOO_LARGE_INSIDE");
        }
        assertThat(MEMBER_SERVICE.receivedTimes("110101200003030011")).isZero();

        // .xlsx bytes named .xls and the reverse: read by what they are
        String xlsxNamedXls = api.upload(COMMITTEE_ADMIN, "subordinate-members", "名单.xls",
                Workbooks.filled(Template.SUBORDINATE_MEMBERS, FileFormat.XLSX, List.of(member("某公司一支部", "甲",
                        idNumber())))).json().path("id").asString();
        String xlsNamedXlsx = api.upload(COMMITTEE_ADMIN, "subordinate-members", "名单.xlsx",
                Workbooks.filled(Template.SUBORDINATE_MEMBERS, FileFormat.XLS, List.of(member("某公司一支部", "乙",
                        idNumber())))).json().path("id").asString();
        assertThat(api.finished(COMMITTEE_ADMIN, xlsxNamedXls).path("format").asString()).isEqualTo("xlsx");
        assertThat(api.finished(COMMITTEE_ADMIN, xlsNamedXlsx).path("summary").asString())
                .isEqualTo("成功导入 1 位团员, 0 位团员导入失败");
        assertThat(api.anonymous("GET", "/actuator/health/liveness", null).status()).isEqualTo(200);
    }
}
