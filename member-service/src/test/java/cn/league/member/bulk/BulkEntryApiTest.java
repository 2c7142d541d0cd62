package cn.league.member.bulk;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.PersonEntered;
import cn.league.contracts.member.MemberEvents.Post;
import cn.league.member.support.MemberApi;
import cn.league.member.support.TestPeople;
import cn.league.member.support.TreeReplica;
import cn.league.test.TestKafka;
import cn.league.test.TestTokens;
import cn.league.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BulkEntryApiTest {

    static final String PROVINCE_ADMIN = "110105199001014329";
    static final String COMMITTEE_ADMIN = "440306199808085674";
    static final String BRANCH_ADMIN = "11010119950315123X";
    static final String SIBLING_ADMIN = "110101198507070012";
    static final String NOBODY = "110101198001011232";
    static final LocalDate BORN = LocalDate.of(2000, 3, 3);

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    MemberApi api;
    long committee;
    long branch;
    long siblingBranch;

    @BeforeEach
    void tree() {
        api = new MemberApi(port);
        TreeReplica.Standard tree = new TreeReplica(jdbc)
                .standard(PROVINCE_ADMIN, COMMITTEE_ADMIN, BRANCH_ADMIN, SIBLING_ADMIN);
        committee = tree.committee();
        branch = tree.branch();
        siblingBranch = tree.siblingBranch();
    }

    static String member(int row, long org, String idNumber, String name) {
        return row(row, "MEMBER", org, idNumber, name, "共青团员", "2015-05-04", null, null);
    }

    static String row(int row, String kind, long org, String idNumber, String name, String status, String joinDate,
                      String developmentNumber, String postTitle) {
        return """
                {"rowNumber":%d,"kind":"%s","orgId":%d,"person":{"idNumber":"%s","name":"%s","ethnicity":"汉族",
                 "politicalStatus":"%s","education":"本科","joinDate":%s,"developmentNumber":%s,
                 "mobile":"13800000000","postTitle":%s}}""".formatted(row, kind, org, idNumber, name, status,
                quoted(joinDate), quoted(developmentNumber), quoted(postTitle));
    }

    static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    MemberApi.Response send(String as, String... rows) {
        return api.post(as, "/api/members/bulk", "{\"rows\":[" + String.join(",", rows) + "]}");
    }

    static Map<Integer, JsonNode> byRow(MemberApi.Response response) {
        Map<Integer, JsonNode> rows = new java.util.HashMap<>();
        response.json().path("rows").forEach(row -> rows.put(row.path("rowNumber").asInt(), row));
        return rows;
    }

    static List<String> codes(JsonNode row) {
        List<String> codes = new ArrayList<>();
        row.path("violations").forEach(violation -> codes.add(violation.path("code").asString()));
        return codes;
    }

    int people(String idNumber) {
        return jdbc.sql("select count(*) from person where id_number = ?").param(idNumber).query(Integer.class).single();
    }

    @Test
    @DisplayName("R-IMP-3 R-IMP-2 a mixed batch: good rows land, each bad row is refused with every reason and its ID number as sent, and the counts add up")
    void mixedBatch() {
        String good1 = TestPeople.idNumber(BORN);
        String good2 = TestPeople.idNumber(BORN);
        String cadre = TestPeople.idNumber(LocalDate.of(1985, 1, 1));
        String registered = TestPeople.idNumber(BORN);
        var single = api.post(SIBLING_ADMIN, "/api/members/orgs/" + siblingBranch + "/members", """
                {"idNumber":"%s","name":"老王","politicalStatus":"共青团员","joinDate":"2015-05-04"}"""
                .formatted(registered));
        assertThat(single.status()).as(single.body()).isEqualTo(201);
        String tooOld = TestPeople.idNumber(LocalDate.of(1990, 1, 1));
        String badDigit = good1.substring(0, 17) + (good1.charAt(17) == '0' ? '1' : '0');
        String noNumber = TestPeople.idNumber(BORN);
        String wrongNumber = TestPeople.idNumber(BORN);
        String intoCommittee = TestPeople.idNumber(BORN);
        String unknownStatus = TestPeople.idNumber(BORN);
        String noPost = TestPeople.idNumber(LocalDate.of(1985, 1, 1));
        String badEmail = TestPeople.idNumber(BORN);

        var response = send(COMMITTEE_ADMIN,
                member(2, branch, good1, "甲"),
                row(3, "CADRE", committee, cadre, "乙", "中共党员", null, null, "书记"),
                member(4, branch, registered, "丙"),
                member(5, branch, tooOld, "丁"),
                member(6, branch, badDigit, "戊"),
                row(7, "MEMBER", branch, noNumber, "己", "共青团员", "2020-05-04", null, null),
                row(8, "MEMBER", branch, wrongNumber, "庚", "共青团员", "2020-05-04", "201944000001", null),
                member(9, committee, intoCommittee, "辛"),
                row(10, "MEMBER", branch, unknownStatus, "壬", "团员吧", "2015-05-04", null, null),
                row(11, "CADRE", committee, noPost, "癸", "中共党员", null, null, null),
                member(12, branch, badEmail, "子").replace("\"mobile\"", "\"email\":\"not-an-email\",\"mobile\""),
                member(13, branch, good2, "丑"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var rows = byRow(response);
        assertThat(rows.get(2).path("status").asString()).isEqualTo("IMPORTED");
        assertThat(rows.get(3).path("status").asString()).isEqualTo("IMPORTED");
        assertThat(rows.get(13).path("status").asString()).isEqualTo("IMPORTED");
        assertThat(codes(rows.get(4))).containsExactly("ID_ALREADY_REGISTERED");
        assertThat(rows.get(4).path("violations").get(0).path("message").asString()).isEqualTo("身份证已注册");
        assertThat(rows.get(4).path("violations").get(0).path("rule").asString()).isEqualTo("R-AUTH-5");
        assertThat(codes(rows.get(5))).containsExactly("AGE_28_OR_OVER");
        assertThat(rows.get(6).path("violations").get(0).path("rule").asString()).isEqualTo("R-ID-4");
        assertThat(codes(rows.get(7))).containsExactly("DEVELOPMENT_NUMBER_MISSING");
        assertThat(codes(rows.get(8))).containsExactly("DEVELOPMENT_NUMBER_YEAR", "DEVELOPMENT_NUMBER_SEGMENT");
        assertThat(codes(rows.get(9))).containsExactly("MEMBERSHIP_ONLY_IN_BRANCH");
        assertThat(rows.get(9).path("violations").get(0).path("message").asString())
                .isEqualTo("团员的组织关系必须在团支部,不能在团委、团工委、团总支");
        assertThat(codes(rows.get(10))).containsExactly("POLITICAL_STATUS_UNKNOWN");
        assertThat(codes(rows.get(11))).containsExactly("POST_REQUIRED");
        assertThat(codes(rows.get(12))).containsExactly("VALIDATION_FAILED");
        for (int refused = 4; refused <= 12; refused++) {
            assertThat(rows.get(refused).path("status").asString()).isEqualTo("REFUSED");
        }
        // R-IMP-2: a failure list names the ID it refused, as sent, whatever the reason (an invalid ID too)
        List<String> sent = List.of(registered, tooOld, badDigit, noNumber, wrongNumber, intoCommittee, unknownStatus,
                noPost, badEmail);
        for (int refused = 4; refused <= 12; refused++) {
            assertThat(rows.get(refused).path("idNumber").asString()).as("row %d", refused)
                    .isEqualTo(sent.get(refused - 4));
        }
        assertThat(response.json().path("imported").asInt()).isEqualTo(3);
        assertThat(response.json().path("refused").asInt()).isEqualTo(9);
        assertThat(response.json().path("summary").asString()).isEqualTo("成功导入 3 位团员, 9 位团员导入失败");

        assertThat(people(good1) + people(good2) + people(cadre)).isEqualTo(3);
        for (String refused : List.of(tooOld, noNumber, wrongNumber, intoCommittee, unknownStatus, noPost, badEmail)) {
            assertThat(people(refused)).as(refused).isZero();
        }
        assertThat(jdbc.sql("select branch_id from membership where id_number = ?").param(good1).query(Long.class)
                .single()).isEqualTo(branch);
        assertThat(jdbc.sql("select title from post where id_number = ? and org_id = ?").params(cadre, committee)
                .query(String.class).single()).isEqualTo("书记");
    }

    @Test
    @DisplayName("R-IMP-3 the same ID or the same development number twice in one batch refuses both rows")
    void duplicatesInTheFile() {
        String twice = TestPeople.idNumber(BORN);
        String a = TestPeople.idNumber(BORN);
        String b = TestPeople.idNumber(BORN);
        String other = TestPeople.idNumber(BORN);
        var response = send(COMMITTEE_ADMIN,
                member(2, branch, twice, "甲"),
                member(3, branch, twice.toLowerCase(), "甲"),
                row(4, "MEMBER", branch, a, "乙", "共青团员", "2020-05-04", "202011000777", null),
                row(5, "MEMBER", branch, b, "丙", "共青团员", "2020-05-04", "202011000777", null),
                member(6, branch, other, "丁"));

        var rows = byRow(response);
        assertThat(codes(rows.get(2))).containsExactly("DUPLICATE_ID_IN_FILE");
        assertThat(rows.get(2).path("violations").get(0).path("message").asString())
                .isEqualTo("身份证号在本文件中重复(与第3行相同)");
        assertThat(codes(rows.get(3))).containsExactly("DUPLICATE_ID_IN_FILE");
        assertThat(codes(rows.get(4))).containsExactly("DUPLICATE_DEVELOPMENT_NUMBER_IN_FILE");
        assertThat(codes(rows.get(5))).containsExactly("DUPLICATE_DEVELOPMENT_NUMBER_IN_FILE");
        assertThat(rows.get(6).path("status").asString()).isEqualTo("IMPORTED");
        assertThat(people(twice) + people(a) + people(b)).isZero();
    }

    @Test
    @DisplayName("R-IMP-2 re-uploading the fixed file imports only the fixed rows; the passed ones are ALREADY_IMPORTED")
    void reUpload() {
        String passed = TestPeople.idNumber(BORN);
        String cadre = TestPeople.idNumber(LocalDate.of(1985, 1, 1));
        String fixed = TestPeople.idNumber(BORN);
        var first = send(COMMITTEE_ADMIN, member(2, branch, passed, "甲"),
                row(3, "CADRE", committee, cadre, "乙", "中共党员", null, null, "书记"),
                row(4, "MEMBER", branch, fixed, "丙", "共青团员", "2020-05-04", null, null));
        assertThat(first.json().path("imported").asInt()).isEqualTo(2);
        assertThat(first.json().path("refused").asInt()).isEqualTo(1);

        var again = send(COMMITTEE_ADMIN, member(2, branch, passed, "甲"),
                row(3, "CADRE", committee, cadre, "乙", "中共党员", null, null, "书记"),
                row(4, "MEMBER", branch, fixed, "丙", "共青团员", "2020-05-04", "202011000123", null));

        var rows = byRow(again);
        assertThat(rows.get(2).path("status").asString()).isEqualTo("ALREADY_IMPORTED");
        assertThat(rows.get(3).path("status").asString()).isEqualTo("ALREADY_IMPORTED");
        assertThat(rows.get(4).path("status").asString()).isEqualTo("IMPORTED");
        assertThat(again.json().path("summary").asString()).isEqualTo("成功导入 1 位团员, 0 位团员导入失败");
        assertThat(again.json().path("alreadyImported").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from membership where id_number = ?").param(passed).query(Integer.class)
                .single()).isOne();
        assertThat(jdbc.sql("select count(*) from post where id_number = ?").param(cadre).query(Integer.class)
                .single()).isOne();
    }

    @Test
    @DisplayName("R-IMP-3 a row the database refuses falls back to row by row: the good rows of the batch still land")
    void databaseRefusal() {
        String good = TestPeople.idNumber(BORN);
        String bad = TestPeople.idNumber(BORN);
        var response = send(COMMITTEE_ADMIN, member(2, branch, good, "甲"), member(3, branch, bad, "乙\\u0000"));

        var rows = byRow(response);
        assertThat(rows.get(2).path("status").asString()).isEqualTo("IMPORTED");
        assertThat(codes(rows.get(3))).containsExactly("ROW_NOT_STORED");
        assertThat(people(good)).isOne();
        assertThat(people(bad)).isZero();
    }

    @Test
    @DisplayName("R-IMP-4 R-MEM-1 R-MEM-2 R-STAT-1 each imported person is one PersonEntered, as single entry publishes it: who, with a mobile or not, complete or not, and the membership or the post")
    void events() {
        String memberId = TestPeople.idNumber(BORN);
        String cadreId = TestPeople.idNumber(LocalDate.of(1985, 1, 1));
        send(COMMITTEE_ADMIN, member(2, branch, memberId, "甲"),
                row(3, "CADRE", committee, cadreId, "乙", "中共党员", null, null, "书记"));

        try (TopicReader reader = new TopicReader(TestKafka.bootstrapServers(), Topics.MEMBER_EVENTS)) {
            // read until both people's events are in, whatever partitions they come from
            var records = reader.readUntil(seen -> seen.stream().anyMatch(r -> r.key().equals(cadreId))
                    && seen.stream().anyMatch(r -> r.key().equals(memberId)), Duration.ofSeconds(20));
            Map<String, List<String>> types = records.stream()
                    .filter(r -> r.key().equals(memberId) || r.key().equals(cadreId))
                    .collect(Collectors.groupingBy(r -> r.key(), Collectors.mapping(
                            r -> EventJson.read(r.value()).type(), Collectors.toList())));
            assertThat(types.get(memberId)).containsExactly("PersonEntered.v1");
            assertThat(types.get(cadreId)).containsExactly("PersonEntered.v1");
            var memberEvent = EventJson.read(records.stream().filter(r -> r.key().equals(memberId))
                    .findFirst().orElseThrow().value());
            var member = EventJson.dataAs(memberEvent, PersonEntered.class);
            assertThat(member).isEqualTo(PersonEntered.member(memberId, "甲", true, branch, true));
            assertThat(memberEvent.orgPath()).endsWith("." + branch);
            var cadre = EventJson.dataAs(EventJson.read(records.stream().filter(r -> r.key().equals(cadreId))
                    .findFirst().orElseThrow().value()), PersonEntered.class);
            assertThat(cadre.branchId()).isNull();
            assertThat(cadre.post()).isEqualTo(new Post(committee, "书记"));
            assertThat(cadre.name()).isEqualTo("乙");
            assertThat(cadre.complete()).as("no join date: incomplete (R-MEM-6)").isFalse();
        }
    }

    @Test
    @DisplayName("R-IMP-3 R-SRCH-1 a bulk row is stored exactly as single entry stores the same person, the name beside "
            + "the membership's path too (what name search in a subtree reads)")
    void sameStoredStateAsSingleEntry() {
        String single = TestPeople.idNumber(BORN);
        String bulk = TestPeople.idNumber(BORN);
        String fields = """
                "name":" 甲 ","ethnicity":"汉族","politicalStatus":"共青团员","education":"本科","joinDate":"2020-05-04",
                "developmentNumber":" %s ","mobile":" 13800000000 ","email":"","address":"某路1号",
                "emergencyContact":"母亲","emergencyPhone":"13900000000\"""";
        var entered = api.post(COMMITTEE_ADMIN, "/api/members/orgs/" + branch + "/members",
                "{\"idNumber\":\"" + single.toLowerCase() + "\"," + fields.formatted("202011000901") + "}");
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        var response = send(COMMITTEE_ADMIN, "{\"rowNumber\":2,\"kind\":\"MEMBER\",\"orgId\":" + branch
                + ",\"person\":{\"idNumber\":\"" + bulk.toLowerCase() + "\"," + fields.formatted("202011000902")
                + "}}");
        assertThat(byRow(response).get(2).path("status").asString()).as(response.body()).isEqualTo("IMPORTED");

        String columns = """
                p.name, birth_date, ethnicity, political_status, education, join_date, mobile, email, address,
                emergency_contact, emergency_phone, graduate, delayed_graduate, teacher, verification, deleted_at""";
        var stored = jdbc.sql("select " + columns + ", m.branch_id, m.org_path, m.name as searched_name,"
                        + " p.development_number"
                        + " from person p join membership m using (id_number) where id_number in (?, ?)"
                        + " order by id_number = ?")
                .params(single, bulk, bulk).query().listOfRows();
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).get("development_number")).isEqualTo("202011000901");
        assertThat(stored.get(1).get("development_number")).isEqualTo("202011000902");
        assertThat(stored.get(0).get("searched_name")).isEqualTo("甲");
        stored.forEach(row -> row.remove("development_number"));
        assertThat(stored.get(1)).isEqualTo(stored.get(0));
    }

    @Test
    @DisplayName("R-SCOPE-1 a sibling subtree's admin and a child org's admin are refused row by row; their own rows land")
    void scope() {
        String sibling = TestPeople.idNumber(BORN);
        String own = TestPeople.idNumber(BORN);
        var fromSibling = send(SIBLING_ADMIN, member(2, branch, sibling, "甲"), member(3, siblingBranch, own, "乙"));
        assertThat(fromSibling.status()).isEqualTo(200);
        var rows = byRow(fromSibling);
        assertThat(codes(rows.get(2))).containsExactly("OUT_OF_SCOPE");
        assertThat(rows.get(2).path("violations").get(0).path("rule").asString()).isEqualTo("R-SCOPE-1");
        assertThat(rows.get(3).path("status").asString()).isEqualTo("IMPORTED");
        assertThat(people(sibling)).isZero();

        String cadre = TestPeople.idNumber(LocalDate.of(1985, 1, 1));
        String member = TestPeople.idNumber(BORN);
        var fromChild = send(BRANCH_ADMIN, row(2, "CADRE", committee, cadre, "丙", "中共党员", null, null, "书记"),
                member(3, branch, member, "丁"));
        rows = byRow(fromChild);
        assertThat(codes(rows.get(2))).containsExactly("OUT_OF_SCOPE");
        assertThat(rows.get(3).path("status").asString()).isEqualTo("IMPORTED");
        assertThat(people(cadre)).isZero();
    }

    @Test
    @DisplayName("R-SCOPE-1 R-AUTH-5 an out-of-scope row reveals nothing about a person registered elsewhere")
    void outOfScopeRevealsNothing() {
        String registered = TestPeople.idNumber(BORN);
        send(COMMITTEE_ADMIN, member(2, branch, registered, "甲"));
        var response = send(SIBLING_ADMIN, member(2, branch, registered, "甲"));
        assertThat(codes(byRow(response).get(2))).containsExactly("OUT_OF_SCOPE");
        assertThat(response.body()).doesNotContain("ALREADY").doesNotContain("身份证已注册");
    }

    @Test
    @DisplayName("R-SCOPE-1 a caller who administers no org is refused the whole call; an empty or oversized batch is refused")
    void wholeCall() {
        var refused = send(NOBODY, member(2, branch, TestPeople.idNumber(BORN), "甲"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("OUT_OF_SCOPE");
        assertThat(send(COMMITTEE_ADMIN).code()).isEqualTo("BATCH_EMPTY");
        String one = member(2, branch, "110101200001011232", "甲");
        var tooMany = send(COMMITTEE_ADMIN, java.util.Collections.nCopies(BulkEntry.MAX_ROWS + 1, one)
                .toArray(String[]::new));
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.code()).isEqualTo("BATCH_TOO_LARGE");
    }

    @Test
    @DisplayName("R-MEM-5 a development number already held by someone in the system refuses the row (编号被占用)")
    void numberTaken() {
        String holder = TestPeople.idNumber(BORN);
        send(COMMITTEE_ADMIN, row(2, "MEMBER", branch, holder, "甲", "共青团员", "2020-05-04", "202011000555", null));
        var response = send(COMMITTEE_ADMIN,
                row(2, "MEMBER", branch, TestPeople.idNumber(BORN), "乙", "共青团员", "2020-05-04", "202011000555", null));
        assertThat(codes(byRow(response).get(2))).containsExactly("DEVELOPMENT_NUMBER_TAKEN");
    }

    @Test
    @DisplayName("R-SCOPE-1 R-IMP-3 the internal path for import-service's jobs: a service account names the uploader, rows are checked against the uploader's scope; a person's token is refused")
    void internalPathForImportJobs() throws Exception {
        String inside = TestPeople.idNumber(BORN);
        String beside = TestPeople.idNumber(BORN);
        String body = "{\"uploaderIdNumber\":\"%s\",\"rows\":[%s,%s]}".formatted(COMMITTEE_ADMIN,
                member(2, branch, inside, "甲"), member(3, siblingBranch, beside, "乙"));

        var serviceAccount = internal(TestTokens.get().serviceAccountToken("league-import-service"), body);
        var person = internal(TestTokens.get().accessToken(COMMITTEE_ADMIN), body);

        assertThat(serviceAccount.statusCode()).as(serviceAccount.body()).isEqualTo(200);
        JsonNode rows = tools.jackson.databind.json.JsonMapper.builder().build().readTree(serviceAccount.body())
                .path("rows");
        assertThat(rows.get(0).path("status").asString()).isEqualTo("IMPORTED");
        assertThat(rows.get(1).path("status").asString()).isEqualTo("REFUSED");
        assertThat(people(inside)).isEqualTo(1);
        assertThat(people(beside)).isZero();
        assertThat(person.statusCode()).isEqualTo(403);
    }

    java.net.http.HttpResponse<String> internal(String token, String body) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/internal/members/bulk"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }
}
