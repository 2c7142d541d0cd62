package cn.league.org.bulk;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
import tools.jackson.databind.JsonNode;

import static cn.league.org.support.People.DISTRICT_ADMIN;
import static cn.league.org.support.People.SIBLING_DISTRICT_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/** The bulk path of org creation (issue 18 item 2), over HTTP with real PostgreSQL and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BulkOrgsApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    OrgApi api;
    long district;
    long siblingDistrict;
    String tag;

    @BeforeEach
    void tree() {
        api = new OrgApi(port, jdbc);
        tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        district = api.createDistrict("团批量区委" + tag, DISTRICT_ADMIN);
        siblingDistrict = api.createDistrict("团批量邻区委" + tag, SIBLING_DISTRICT_ADMIN);
    }

    /** A street with a floating branch and a community branch, and a school with two class branches: 6 orgs. */
    private String subtree(long parent) {
        return """
                {"rows":[
                 {"parentId":%d,"org":{"type":"WORK_COMMITTEE","domain":"URBAN_COMMUNITY","fullName":"某街道团工委%s","shortName":"某街道"}},
                 {"parentRow":0,"org":{"type":"BRANCH","branchKind":"FLOATING","domain":"URBAN_COMMUNITY","fullName":"某街道流动团支部","shortName":"流动"}},
                 {"parentRow":0,"org":{"type":"BRANCH","domain":"URBAN_COMMUNITY","fullName":"某社区团支部","shortName":"社区"}},
                 {"parentId":%d,"org":{"type":"COMMITTEE","domain":"SCHOOL","schoolLevel":"SENIOR_HIGH","fullName":"某中学团委%s","shortName":"某中学"}},
                 {"parentRow":3,"org":{"type":"BRANCH","domain":"SCHOOL","schoolLevel":"SENIOR_HIGH","fullName":"高一(1)班团支部","shortName":"高一1"}},
                 {"parentRow":3,"org":{"type":"BRANCH","domain":"SCHOOL","schoolLevel":"SENIOR_HIGH","fullName":"高一(2)班团支部","shortName":"高一2"}}
                ]}""".formatted(parent, tag, parent, tag);
    }

    @Test
    @DisplayName("R-ORG-1 one request builds a subtree under the caller's org: paths, province and tree from the parents, one OrgCreated each")
    void buildsASubtree() {
        try (TopicReader reader = OrgEvents.reader()) {
            var response = api.post(DISTRICT_ADMIN, "/api/orgs/bulk", subtree(district));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode result = response.json();
            assertThat(result.path("created").asInt()).isEqualTo(6);
            assertThat(result.path("existing").asInt()).isZero();
            long street = result.path("rows").get(0).path("id").asLong();
            long floating = result.path("rows").get(1).path("id").asLong();

            var branch = api.get(DISTRICT_ADMIN, "/api/orgs/" + floating).json();
            assertThat(branch.path("path").asString()).isEqualTo("1.2." + district + "." + street + "." + floating);
            assertThat(branch.path("provinceCode").asString()).isEqualTo("11");
            assertThat(branch.path("branchKind").asString()).isEqualTo("FLOATING");
            assertThat(jdbc.sql("select count(*) from org where path <@ cast(? as ltree) and id <> ?")
                    .params("1.2." + district, district).query(Integer.class).single()).isEqualTo(6);

            Set<Long> ids = result.path("rows").valueStream().map(row -> row.path("id").asLong())
                    .collect(Collectors.toSet());
            var events = OrgEvents.read(reader, "OrgCreated.v1",
                    seen -> ids(seen).containsAll(ids), Duration.ofSeconds(20));
            assertThat(ids(events)).containsAll(ids);
            var street0 = events.stream().filter(event -> OrgEvents.data(event).path("org").path("id").asLong() == street)
                    .findFirst().orElseThrow();
            assertThat(street0.key()).as("keyed by the provincial-level tree").isEqualTo("2");
        }
    }

    @Test
    @DisplayName("a second run of the same request creates nothing: each row names the org made the first time")
    void secondRunCreatesNothing() {
        JsonNode first = api.post(DISTRICT_ADMIN, "/api/orgs/bulk", subtree(district)).json();
        var again = api.post(DISTRICT_ADMIN, "/api/orgs/bulk", subtree(district));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("created").asInt()).isZero();
        assertThat(again.json().path("existing").asInt()).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            assertThat(again.json().path("rows").get(i).path("id").asLong())
                    .isEqualTo(first.path("rows").get(i).path("id").asLong());
            assertThat(again.json().path("rows").get(i).path("created").asBoolean()).isFalse();
        }
        assertThat(jdbc.sql("select count(*) from org where path <@ cast(? as ltree) and id <> ?")
                .params("1.2." + district, district).query(Integer.class).single()).isEqualTo(6);
    }

    @Test
    @DisplayName("R-SCOPE-1 an admin of another branch of the tree is refused the whole request, as 403 problem+json; nothing is made")
    void anotherBranchsAdminIsRefused() {
        var refused = api.post(SIBLING_DISTRICT_ADMIN, "/api/orgs/bulk", subtree(district));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("OUT_OF_SCOPE");
        assertThat(refused.rule()).isEqualTo("R-SCOPE-1");
        assertThat(refused.json().path("detail").asString()).isEqualTo("无权操作该组织");

        String mixed = subtree(siblingDistrict).replaceFirst("\"parentId\":" + siblingDistrict,
                "\"parentId\":" + district);
        assertThat(api.post(SIBLING_DISTRICT_ADMIN, "/api/orgs/bulk", mixed).status())
                .as("one row outside the subtree refuses all").isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from org where parent_id in (?, ?)").params(district, siblingDistrict)
                .query(Integer.class).single()).isZero();
    }

    @Test
    @DisplayName("R-ORG-1, R-TR-11 every row meets single creation's rules; the first refused row refuses all, its detail naming the row")
    void rulesOfSingleCreation() {
        var branchUnderBranch = api.post(DISTRICT_ADMIN, "/api/orgs/bulk", """
                {"rows":[
                 {"parentId":%d,"org":{"type":"COMMITTEE","domain":"STATE_ENTERPRISE","fullName":"某国企团委","shortName":"国企"}},
                 {"parentRow":0,"org":{"type":"BRANCH","domain":"STATE_ENTERPRISE","fullName":"一支部","shortName":"一支部"}},
                 {"parentRow":1,"org":{"type":"BRANCH","domain":"STATE_ENTERPRISE","fullName":"不该存在","shortName":"不该"}}
                ]}""".formatted(district));
        assertThat(branchUnderBranch.status()).isEqualTo(422);
        assertThat(branchUnderBranch.code()).isEqualTo("ORG_SHAPE_NOT_ALLOWED");
        assertThat(branchUnderBranch.rule()).isEqualTo("R-ORG-1");
        assertThat(branchUnderBranch.json().path("detail").asString()).isEqualTo("第3行:团支部下不能建立下级组织");
        assertThat(branchUnderBranch.body()).contains("\"title\":");
        assertThat(jdbc.sql("select count(*) from org where parent_id = ?").param(district)
                .query(Integer.class).single()).as("all or nothing").isZero();

        var floatingInAnEnterprise = api.post(DISTRICT_ADMIN, "/api/orgs/bulk", """
                {"rows":[
                 {"parentId":%d,"org":{"type":"COMMITTEE","domain":"PRIVATE_ENTERPRISE","fullName":"某公司团委","shortName":"公司"}},
                 {"parentRow":0,"org":{"type":"BRANCH","branchKind":"FLOATING","domain":"PRIVATE_ENTERPRISE","fullName":"流动","shortName":"流动"}}
                ]}""".formatted(district));
        assertThat(floatingInAnEnterprise.status()).isEqualTo(422);
        assertThat(floatingInAnEnterprise.code()).isEqualTo("FLOATING_BRANCH_PARENT_NOT_ALLOWED");

        var noSchoolLevel = api.post(DISTRICT_ADMIN, "/api/orgs/bulk", """
                {"rows":[{"parentId":%d,"org":{"type":"COMMITTEE","domain":"SCHOOL","fullName":"无类别","shortName":"无"}}]}"""
                .formatted(district));
        assertThat(noSchoolLevel.code()).isEqualTo("SCHOOL_LEVEL_REQUIRED");
    }

    @Test
    @DisplayName("malformed requests answer problem+json with a stable code and a Chinese detail")
    void malformedRequests() {
        var empty = api.post(DISTRICT_ADMIN, "/api/orgs/bulk", "{\"rows\":[]}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("BATCH_EMPTY");
        assertThat(empty.json().path("detail").asString()).isEqualTo("没有要建立的组织");

        var forwardParent = api.post(DISTRICT_ADMIN, "/api/orgs/bulk", """
                {"rows":[{"parentRow":0,"org":{"type":"COMMITTEE","domain":"RURAL","fullName":"自指","shortName":"自指"}}]}""");
        assertThat(forwardParent.status()).isEqualTo(400);
        assertThat(forwardParent.code()).isEqualTo("BULK_PARENT_INVALID");
        assertThat(forwardParent.json().path("detail").asString()).startsWith("第1行:");

        var unknownParent = api.post(DISTRICT_ADMIN, "/api/orgs/bulk", """
                {"rows":[{"parentId":99999999,"org":{"type":"COMMITTEE","domain":"RURAL","fullName":"无主","shortName":"无主"}}]}""");
        assertThat(unknownParent.status()).isEqualTo(404);
        assertThat(unknownParent.code()).isEqualTo("ORG_NOT_FOUND");

        StringBuilder tooMany = new StringBuilder("{\"rows\":[");
        for (int i = 0; i <= BulkOrgs.MAX_ROWS; i++) {
            tooMany.append(i == 0 ? "" : ",").append("""
                    {"parentId":%d,"org":{"type":"COMMITTEE","domain":"RURAL","fullName":"村%d","shortName":"村"}}"""
                    .formatted(district, i));
        }
        var tooLarge = api.post(DISTRICT_ADMIN, "/api/orgs/bulk", tooMany.append("]}").toString());
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("BATCH_TOO_LARGE");
    }

    private static List<Long> ids(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> events) {
        return events.stream().map(event -> OrgEvents.data(event).path("org").path("id").asLong()).toList();
    }
}
