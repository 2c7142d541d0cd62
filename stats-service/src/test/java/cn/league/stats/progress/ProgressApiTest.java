package cn.league.stats.progress;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.Post;
import cn.league.stats.snapshot.Snapshots;
import cn.league.stats.support.LatestSnapshot;
import cn.league.stats.support.SentEvents;
import cn.league.stats.support.StatsTree;
import cn.league.test.ServiceApi;
import cn.league.test.ServiceApi.Response;
import cn.league.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgressApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    Snapshots snapshots;

    ServiceApi api;
    long national;
    long province;
    long otherProvince;
    long city;
    long university;
    long village;
    final String nationalAdmin = SentEvents.idNumber();
    final String provinceAdmin = SentEvents.idNumber();
    final String otherAdmin = SentEvents.idNumber();
    final String universityAdmin = SentEvents.idNumber();
    Instant asOf;

    @BeforeEach
    void figures() {
        api = new ServiceApi(port);
        StatsTree tree = new StatsTree(jdbc);
        national = tree.root("团中央");
        province = tree.child(national, "LEADING_BODY", "PARTY_AND_GOVERNMENT", "团某省委");
        otherProvince = tree.child(national, "LEADING_BODY", "PARTY_AND_GOVERNMENT", "团另一省委");
        city = tree.child(province, "LEADING_BODY", "PARTY_AND_GOVERNMENT", "团某市委");
        village = tree.child(city, "BRANCH", "RURAL", "某村团支部");
        university = tree.child(province, "COMMITTEE", "SCHOOL", "UNIVERSITY", "某大学团委");
        long class1 = tree.child(university, "BRANCH", "SCHOOL", "UNIVERSITY", "某大学1班团支部");
        long class2 = tree.child(university, "BRANCH", "SCHOOL", "UNIVERSITY", "某大学2班团支部");
        tree.admin(nationalAdmin, national);
        tree.admin(provinceAdmin, province);
        tree.admin(otherAdmin, otherProvince);
        tree.admin(universityAdmin, university);

        SentEvents topic = new SentEvents(kafka, jdbc);
        for (int i = 0; i < 3; i++) {
            member(topic, class1, true);
        }
        member(topic, class2, true);
        member(topic, class2, false);
        member(topic, village, true);
        for (int i = 0; i < 2; i++) {
            String cadre = SentEvents.idNumber();
            topic.publish(PersonEntered.cadre(cadre, "干部", true, new Post(university, "副书记"), true), cadre);
        }
        String cityCadre = SentEvents.idNumber();
        topic.publish(PersonEntered.cadre(cityCadre, "干部", false, new Post(city, "书记"), false), cityCadre);
        topic.awaitApplied();
        jdbc.sql("insert into baseline (org_id, members) values (?, 10)").param(university).update();
        asOf = LatestSnapshot.next();
        assertThat(snapshots.take(asOf)).isTrue();
    }

    private static void member(SentEvents topic, long branch, boolean complete) {
        String id = SentEvents.idNumber();
        topic.publish(PersonEntered.member(id, "团员", true, branch, complete), id);
    }

    private static JsonNode child(JsonNode table, long orgId) {
        for (JsonNode row : table.path("children")) {
            if (row.path("orgId").asLong() == orgId) {
                return row;
            }
        }
        throw new AssertionError("no line for " + orgId + " in " + table);
    }

    @Test
    @DisplayName("R-STAT-2 R-STAT-1 R-STAT-5 entry progress per direct child, as of the snapshot's hour: branches, members, cadres, completion, the 2017 baseline")
    void progressPerChild() {
        Response response = api.get(provinceAdmin, "/api/stats/progress?orgId=" + province);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode table = response.json();
        assertThat(table.path("asOf").path("label").asString()).isEqualTo(AsOf.of(asOf).label()).startsWith("截至 ");
        assertThat(table.path("totalChildren").asLong()).isEqualTo(2);
        JsonNode school = child(table, university);
        assertThat(school.path("fullName").asString()).isEqualTo("某大学团委");
        assertThat(school.path("branches").asLong()).isEqualTo(2);
        assertThat(school.path("branchesComplete").asLong()).as("3 complete members; 1 of 2").isEqualTo(1);
        assertThat(school.path("branchesRatio").asDouble()).isEqualTo(0.5);
        assertThat(school.path("members").asLong()).isEqualTo(5);
        assertThat(school.path("membersComplete").asLong()).isEqualTo(4);
        assertThat(school.path("membersRatio").asDouble()).isEqualTo(0.8);
        assertThat(school.path("baseline").asLong()).isEqualTo(10);
        assertThat(school.path("baselineRatio").asDouble()).isEqualTo(0.5);
        assertThat(school.path("bodies").asLong()).isEqualTo(1);
        assertThat(school.path("bodiesComplete").asLong()).as("2 complete cadres").isEqualTo(1);
        assertThat(school.path("cadres").asLong()).isEqualTo(2);
        JsonNode cityLine = child(table, city);
        assertThat(cityLine.path("leadingBodies").asLong()).isEqualTo(1);
        assertThat(cityLine.path("leadingBodiesComplete").asLong()).as("its one cadre is incomplete").isZero();
        assertThat(cityLine.path("branches").asLong()).isEqualTo(1);
        assertThat(cityLine.path("members").asLong()).isEqualTo(1);
        assertThat(table.path("org").path("members").asLong()).as("the whole province").isEqualTo(6);
    }

    @Test
    @DisplayName("R-STAT-2 the domain filter (分领域) counts only that domain's orgs and people below each child")
    void domainFilter() {
        JsonNode table = api.get(provinceAdmin, "/api/stats/progress?orgId=" + province + "&domain=SCHOOL").json();

        assertThat(child(table, university).path("members").asLong()).isEqualTo(5);
        assertThat(child(table, university).path("baselineRatio").isNull()).as("the baseline counts all domains")
                .isTrue();
        assertThat(child(table, city).path("members").asLong()).isZero();
        assertThat(child(table, city).path("branches").asLong()).isZero();
        assertThat(api.get(provinceAdmin, "/api/stats/progress?orgId=" + province + "&domain=RURAL").json()
                .path("org").path("members").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-ADM-8 without an org the table is of the caller's active org, or the one org they administer")
    void activeOrg() {
        assertThat(api.get(provinceAdmin, "/api/stats/progress").json().path("org").path("orgId").asLong())
                .isEqualTo(province);
        assertThat(api.withHeader("X-League-Org", String.valueOf(university)).get(universityAdmin,
                "/api/stats/progress").json().path("org").path("orgId").asLong()).isEqualTo(university);
    }

    @Test
    @DisplayName("R-SCOPE-1 another province's admin and a lower org's admin are refused the table and the download")
    void scope() {
        Response beside = api.get(otherAdmin, "/api/stats/progress?orgId=" + province);
        assertThat(beside.status()).isEqualTo(403);
        assertThat(beside.code()).isEqualTo("OUT_OF_SCOPE");
        assertThat(beside.rule()).isEqualTo("R-SCOPE-1");
        assertThat(api.get(universityAdmin, "/api/stats/progress?orgId=" + province).status()).isEqualTo(403);
        assertThat(api.get(otherAdmin, "/api/stats/progress.xlsx?orgId=" + province).status()).isEqualTo(403);
        assertThat(api.get(provinceAdmin, "/api/stats/progress?orgId=" + university).status())
                .as("below is allowed").isEqualTo(200);
    }

    @Test
    @DisplayName("R-SCOPE-1 only 团中央's admins take a snapshot now, recompute or rebuild the projection")
    void nationalOperations() {
        Response refused = api.post(provinceAdmin, "/api/stats/snapshots", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("NATIONAL_ADMIN_ONLY");
        assertThat(api.post(provinceAdmin, "/api/stats/recompute", null).status()).isEqualTo(403);
        Response rebuild = api.post(otherAdmin, "/api/stats/rebuild", null);
        assertThat(rebuild.status()).isEqualTo(403);
        assertThat(rebuild.code()).isEqualTo("NATIONAL_ADMIN_ONLY");
        assertThat(api.post(nationalAdmin, "/api/stats/recompute", null).status()).isEqualTo(200);
        assertThat(api.post(nationalAdmin, "/api/stats/snapshots", null).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("R-STAT-2 R-STAT-5 the trend: the org's line at each kept snapshot of the period, oldest first, by domain too")
    void trend() {
        SentEvents topic = new SentEvents(kafka, jdbc);
        member(topic, village, true);
        topic.awaitApplied();
        Instant later = LatestSnapshot.next();
        assertThat(snapshots.take(later)).isTrue();

        String period = "&from=" + asOf + "&to=" + later.plusSeconds(1);
        Response response = api.get(provinceAdmin, "/api/stats/progress/trend?orgId=" + province + period);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode points = response.json().path("points");
        assertThat(points).hasSize(2);
        assertThat(points.get(0).path("asOf").path("label").asString()).isEqualTo(AsOf.of(asOf).label());
        assertThat(points.get(0).path("line").path("members").asLong()).isEqualTo(6);
        assertThat(points.get(1).path("asOf").path("label").asString()).isEqualTo(AsOf.of(later).label());
        assertThat(points.get(1).path("line").path("members").asLong()).isEqualTo(7);
        assertThat(points.get(1).path("line").path("fullName").asString()).isEqualTo("团某省委");
        JsonNode rural = api.get(provinceAdmin, "/api/stats/progress/trend?orgId=" + province + "&domain=RURAL"
                + period).json().path("points");
        assertThat(rural.valueStream().map(point -> point.path("line").path("members").asLong()))
                .containsExactly(1L, 2L);
        assertThat(api.get(provinceAdmin, "/api/stats/progress/trend?orgId=" + university + period).json()
                .path("points").get(1).path("line").path("members").asLong()).as("an org below").isEqualTo(5);
        Response backwards = api.get(provinceAdmin, "/api/stats/progress/trend?orgId=" + province + "&from=" + later
                + "&to=" + asOf);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.code()).isEqualTo("TREND_PERIOD_INVALID");
    }

    @Test
    @DisplayName("R-SCOPE-1 the trend of an org is refused to another province's admin and to a lower org's admin")
    void trendScope() {
        Response beside = api.get(otherAdmin, "/api/stats/progress/trend?orgId=" + province);
        assertThat(beside.status()).isEqualTo(403);
        assertThat(beside.code()).isEqualTo("OUT_OF_SCOPE");
        assertThat(beside.rule()).isEqualTo("R-SCOPE-1");
        assertThat(api.get(universityAdmin, "/api/stats/progress/trend?orgId=" + province).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("R-STAT-2 the national admin loads the 2017 团统 counts by org code; a bad line refuses the whole file")
    void baseline() {
        Response refused = api.post(provinceAdmin, "/api/stats/baseline", "组织编号,2017年团统数量\n" + city + ",4");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("NATIONAL_ADMIN_ONLY");

        Response loaded = api.post(nationalAdmin, "/api/stats/baseline", "组织编号,2017年团统数量\n" + city + ",4\n");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.json().path("loaded").asInt()).isEqualTo(1);
        Response bad = api.post(nationalAdmin, "/api/stats/baseline", city + ",8\n" + university + ",很多");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.code()).isEqualTo("BASELINE_LINE_INVALID");
        assertThat(bad.json().path("detail").asString()).startsWith("第2行");
        assertThat(api.post(nationalAdmin, "/api/stats/baseline", "99999999999,8").code())
                .isEqualTo("BASELINE_ORG_UNKNOWN");

        JsonNode cityLine = child(api.get(provinceAdmin, "/api/stats/progress?orgId=" + province).json(), city);
        assertThat(cityLine.path("baseline").asLong()).as("the refused file changed nothing").isEqualTo(4);
        assertThat(cityLine.path("baselineRatio").asDouble()).isEqualTo(0.25);
    }

    @Test
    @DisplayName("R-STAT-4 school entry progress: the schools below with their level and figures; another province is refused")
    void schools() {
        Response response = api.get(provinceAdmin, "/api/stats/schools?orgId=" + province);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode schools = response.json().path("schools");
        assertThat(schools).hasSize(1);
        assertThat(schools.get(0).path("schoolLevel").asString()).isEqualTo("UNIVERSITY");
        assertThat(schools.get(0).path("progress").path("fullName").asString()).isEqualTo("某大学团委");
        assertThat(schools.get(0).path("progress").path("members").asLong()).isEqualTo(5);
        assertThat(schools.get(0).path("progress").path("branchesComplete").asLong()).isEqualTo(1);
        assertThat(api.get(otherAdmin, "/api/stats/schools?orgId=" + province).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("R-STAT-2 R-STAT-5 the download: members' and cadres' sheets, the hour they are as of, a line per child")
    void download() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/stats/progress.xlsx?orgId=" + province))
                .header("Authorization", "Bearer " + TestTokens.get().accessToken(provinceAdmin)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains(ProgressSheet.MEDIA_TYPE);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet members = workbook.getSheet("团员录入情况");
            assertThat(members.getRow(0).getCell(0).getStringCellValue()).contains(AsOf.of(asOf).label());
            assertThat(members.getRow(1).getCell(1).getStringCellValue()).isEqualTo("下级团支部总数");
            assertThat(members.getLastRowNum()).as("title, header, 2 children, total").isEqualTo(4);
            boolean universityLine = false;
            for (int r = 2; r <= 3; r++) {
                if ("某大学团委".equals(members.getRow(r).getCell(0).getStringCellValue())) {
                    universityLine = true;
                    assertThat(members.getRow(r).getCell(4).getNumericCellValue()).isEqualTo(5);
                }
            }
            assertThat(universityLine).isTrue();
            assertThat(workbook.getSheet("团干部录入情况").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("基层团组织总数");
        }
    }
}
