package cn.league.org.tree;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.org.support.OrgApi;

import static cn.league.org.support.People.BEIJING;
import static cn.league.org.support.People.BEIJING_ADMIN;
import static cn.league.org.support.People.DISTRICT_ADMIN;
import static cn.league.org.support.People.SIBLING_DISTRICT_ADMIN;
import static cn.league.org.support.People.TIANJIN;
import static cn.league.org.support.People.TIANJIN_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrgTreeApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    OrgApi api;
    long district;
    long siblingDistrict;

    @BeforeEach
    void tree() {
        api = new OrgApi(port, jdbc);
        api.makeAdmin(TIANJIN_ADMIN, TIANJIN);
        district = api.createDistrict("团东城区委", DISTRICT_ADMIN);
        siblingDistrict = api.createDistrict("团西城区委", SIBLING_DISTRICT_ADMIN);
    }

    @Test
    @DisplayName("R-TR-10 the seeded top: 团中央 over the provinces, 兵团 and the national system committees, each its own tree")
    void seededTop() {
        var central = jdbc.sql("select count(*) from org where parent_id = 1").query(Integer.class).single();
        assertThat(central).isEqualTo(37);
        assertThat(jdbc.sql("select full_name from org where tree_root_id = id and province_code is null order by id")
                .query(String.class).list())
                .containsExactly("全国铁道团委", "全国民航团委", "中央金融团工委", "中央企业团工委", "中央和国家机关团工委");
        assertThat(jdbc.sql("select province_code from org where id = ?").param(BEIJING).query(String.class).single())
                .isEqualTo("11");
    }

    @Test
    @DisplayName("R-ORG-1 a child takes its parent's province and tree; a branch holds no org; a leading body holds no branch")
    void shapeOfTheTree() {
        long committee = api.createChild(DISTRICT_ADMIN, district, "COMMITTEE", "STATE_ENTERPRISE", "某国企团委");
        long branch = api.createChild(DISTRICT_ADMIN, committee, "BRANCH", "STATE_ENTERPRISE", "某国企第一团支部");

        var created = api.get(DISTRICT_ADMIN, "/api/orgs/" + branch).json();
        assertThat(created.path("path").asString()).isEqualTo("1.2." + district + "." + committee + "." + branch);
        assertThat(created.path("provinceCode").asString()).isEqualTo("11");

        var underBranch = api.post(DISTRICT_ADMIN, "/api/orgs/" + branch + "/children",
                body("BRANCH", "STATE_ENTERPRISE", "不该存在"));
        assertThat(underBranch.status()).isEqualTo(422);
        assertThat(underBranch.code()).isEqualTo("ORG_SHAPE_NOT_ALLOWED");
        assertThat(underBranch.rule()).isEqualTo("R-ORG-1");
        assertThat(underBranch.json().path("detail").asString()).isEqualTo("团支部下不能建立下级组织");

        var branchUnderLeadingBody = api.post(DISTRICT_ADMIN, "/api/orgs/" + district + "/children",
                body("BRANCH", "RURAL", "直属团支部"));
        assertThat(branchUnderLeadingBody.status()).isEqualTo(422);

        var pendingByHand = api.post(DISTRICT_ADMIN, "/api/orgs/" + committee + "/children",
                body("PENDING_BRANCH", "RURAL", "手工待接转"));
        assertThat(pendingByHand.status()).isEqualTo(422);
    }

    @Test
    @DisplayName("R-SCOPE-1 creating and reading: a sibling subtree's admin and a child's admin are refused")
    void scopeOfReadingAndCreating() {
        assertThat(api.get(SIBLING_DISTRICT_ADMIN, "/api/orgs/" + district).status()).isEqualTo(403);
        assertThat(api.get(SIBLING_DISTRICT_ADMIN, "/api/orgs/" + district + "/children").status()).isEqualTo(403);
        assertThat(api.post(SIBLING_DISTRICT_ADMIN, "/api/orgs/" + district + "/children",
                body("COMMITTEE", "RURAL", "越权")).status()).isEqualTo(403);
        assertThat(api.get(TIANJIN_ADMIN, "/api/orgs/" + district).status()).isEqualTo(403);

        var childAdminOnParent = api.get(DISTRICT_ADMIN, "/api/orgs/" + BEIJING);
        assertThat(childAdminOnParent.status()).isEqualTo(403);
        assertThat(childAdminOnParent.rule()).isEqualTo("R-SCOPE-1");
        assertThat(api.post(DISTRICT_ADMIN, "/api/orgs/" + BEIJING + "/children",
                body("LEADING_BODY", "PARTY_AND_GOVERNMENT", "越级")).status()).isEqualTo(403);

        assertThat(api.get(BEIJING_ADMIN, "/api/orgs/" + district).status()).as("an ancestor's admin sees it")
                .isEqualTo(200);
        assertThat(api.get(DISTRICT_ADMIN, "/api/orgs/999999").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("children come page by page")
    void childrenPages() {
        long committee = api.createChild(DISTRICT_ADMIN, district, "COMMITTEE", "SCHOOL", "JUNIOR_HIGH", null, "某中学团委");
        for (int i = 1; i <= 5; i++) {
            api.createChild(DISTRICT_ADMIN, committee, "BRANCH", "SCHOOL", "JUNIOR_HIGH", null, "初一(" + i + ")班团支部");
        }
        var first = api.get(DISTRICT_ADMIN, "/api/orgs/" + committee + "/children?size=3").json();
        assertThat(first.path("items")).hasSize(3);
        long after = first.path("nextAfter").asLong();
        var second = api.get(DISTRICT_ADMIN, "/api/orgs/" + committee + "/children?size=3&after=" + after).json();
        assertThat(second.path("items")).hasSize(2);
        assertThat(second.path("nextAfter").isNull()).isTrue();
        assertThat(api.get(DISTRICT_ADMIN, "/api/orgs/" + committee + "/children?size=5000").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("a school org names its level; others do not")
    void schoolLevel() {
        var missing = api.post(DISTRICT_ADMIN, "/api/orgs/" + district + "/children", body("COMMITTEE", "SCHOOL", "无类别学校"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.code()).isEqualTo("SCHOOL_LEVEL_REQUIRED");
    }

    static String body(String type, String domain, String name) {
        return """
                {"type":"%s","domain":"%s","fullName":"%s","shortName":"%s"}""".formatted(type, domain, name, name);
    }
}
