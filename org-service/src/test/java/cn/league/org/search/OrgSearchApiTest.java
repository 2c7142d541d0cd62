package cn.league.org.search;

import java.util.concurrent.atomic.AtomicInteger;

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
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrgSearchApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    private static final AtomicInteger RUNS = new AtomicInteger();

    OrgApi api;
    String run;

    /** Every test builds its own orgs, named with a run number so that earlier tests' orgs never match. */
    @BeforeEach
    void tree() {
        api = new OrgApi(port, jdbc);
        run = "甲" + RUNS.incrementAndGet() + "乙";
        long district = api.createDistrict("团朝阳区委" + run, DISTRICT_ADMIN);
        long sibling = api.createDistrict("团丰台区委" + run, SIBLING_DISTRICT_ADMIN);
        long school = api.createChild(DISTRICT_ADMIN, district, "COMMITTEE", "SCHOOL", "SENIOR_HIGH", null,
                "北京市第八十中学团委" + run);
        api.createChild(DISTRICT_ADMIN, school, "BRANCH", "SCHOOL", "SENIOR_HIGH", null, run + "高三(1)班团支部");
        api.createChild(DISTRICT_ADMIN, school, "BRANCH", "SCHOOL", "SENIOR_HIGH", null, run + "高三(2)班团支部");
        api.createChild(SIBLING_DISTRICT_ADMIN, sibling, "COMMITTEE", "SCHOOL", "SENIOR_HIGH", null,
                "北京市第十二中学团委" + run);
    }

    @Test
    @DisplayName("R-SRCH-1 orgs are found by any part of their full name within the caller's subtree")
    void byFullName() {
        var found = api.get(DISTRICT_ADMIN, "/api/orgs/search?name=第八十中学团委" + run).json();
        assertThat(found.path("items")).hasSize(1);
        assertThat(found.path("items").get(0).path("fullName").asString()).isEqualTo("北京市第八十中学团委" + run);
        assertThat(api.get(DISTRICT_ADMIN, "/api/orgs/search?name=北京").json().path("items").toString())
                .as("two characters match the start of a name").contains("北京市第八十中学团委" + run);
        assertThat(api.get(DISTRICT_ADMIN, "/api/orgs/search?name=京市").json().path("items").toString())
                .as("but not its middle").doesNotContain("北京市第八十中学团委" + run);
    }

    @Test
    @DisplayName("R-SRCH-1 R-SCOPE-1 a sibling subtree's orgs and the parent are not found; the province's admin finds both")
    void scope() {
        assertThat(api.get(DISTRICT_ADMIN, "/api/orgs/search?name=第十二中学团委" + run).json().path("items")).isEmpty();
        assertThat(api.get(SIBLING_DISTRICT_ADMIN, "/api/orgs/search?name=第八十中学团委" + run).json().path("items"))
                .isEmpty();
        assertThat(api.get(DISTRICT_ADMIN, "/api/orgs/search?name=团北京市委").json().path("items"))
                .as("a child's admin does not find the org above").isEmpty();
        api.makeAdmin(BEIJING_ADMIN, BEIJING);
        assertThat(api.get(BEIJING_ADMIN, "/api/orgs/search?name=中学团委" + run).json().path("items")).hasSize(2);
    }

    @Test
    @DisplayName("R-SRCH-1 an empty name is refused; wildcards in the name are taken literally; results come in pages")
    void termsAndPages() {
        var empty = api.get(DISTRICT_ADMIN, "/api/orgs/search?name=%20");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("SEARCH_TERM_REQUIRED");
        assertThat(api.get(DISTRICT_ADMIN, "/api/orgs/search?name=%25%25%25").json().path("items")).isEmpty();

        var first = api.get(DISTRICT_ADMIN, "/api/orgs/search?name=" + run + "高三&size=1").json();
        assertThat(first.path("items")).hasSize(1);
        long after = first.path("nextAfter").asLong();
        var second = api.get(DISTRICT_ADMIN, "/api/orgs/search?name=" + run + "高三&size=1&after=" + after).json();
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("items").get(0).path("id").asLong()).isGreaterThan(after);
    }

    @Test
    @DisplayName("R-AUTH-4 团员注册's public search, without a login: by full name, only the orgs the registration may "
            + "join (a member's branch; for a cadre also 团委), id and full name and nothing else, the exact name first")
    void registrationTargetsArePublic() {
        var branch = api.anonymous("GET", "/api/orgs/registration-targets?kind=MEMBER&name=" + run + "高三(1)班团支部",
                null);
        assertThat(branch.status()).as(branch.body()).isEqualTo(200);
        assertThat(branch.json()).hasSize(1);
        assertThat(branch.json().get(0).path("fullName").asString()).isEqualTo(run + "高三(1)班团支部");
        assertThat(branch.json().get(0).propertyNames()).containsExactlyInAnyOrder("id", "fullName");

        var both = api.anonymous("GET", "/api/orgs/registration-targets?kind=MEMBER&name=" + run + "高三", null);
        assertThat(both.json().findValuesAsString("fullName"))
                .containsExactly(run + "高三(1)班团支部", run + "高三(2)班团支部");

        String committee = "/api/orgs/registration-targets?name=第八十中学团委" + run;
        assertThat(api.anonymous("GET", committee + "&kind=CADRE", null).json().findValuesAsString("fullName"))
                .containsExactly("北京市第八十中学团委" + run);
        assertThat(api.anonymous("GET", committee + "&kind=MEMBER", null).json()).as("members join branches").isEmpty();
        assertThat(api.anonymous("GET", "/api/orgs/registration-targets?kind=CADRE&name=团朝阳区委" + run, null)
                .json()).as("not a leading body").isEmpty();

        var tooShort = api.anonymous("GET", "/api/orgs/registration-targets?kind=MEMBER&name=北", null);
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.code()).isEqualTo("SEARCH_TERM_TOO_SHORT");
        assertThat(api.anonymous("GET", "/api/orgs/search?name=北京", null).status()).as("the admins' search")
                .isEqualTo(401);
    }
}
