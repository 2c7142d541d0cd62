package cn.league.org.school;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.org.support.OrgEvents;

import static cn.league.org.support.OrgEvents.data;
import static cn.league.org.support.OrgEvents.read;
import static cn.league.org.support.People.COLLEGE_ADMIN;
import static cn.league.org.support.People.DISTRICT_ADMIN;
import static cn.league.org.support.People.SIBLING_UNIVERSITY_ADMIN;
import static cn.league.org.support.People.UNIVERSITY_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/** Creating school orgs (R-ORG-8) and flagged branches (R-GRAD-5, R-TR-11) through the tree's create endpoint. */
class SchoolOrgsApiTest extends SchoolTreeApiTest {

    @Test
    @DisplayName("R-ORG-8 a university committee holds colleges (school-domain committees) which hold class branches, "
            + "each announced with its school level")
    void universityWithCollegesAndClasses() {
        long secondCollege = api.createChild(UNIVERSITY_ADMIN, tree.university(), "COMMITTEE", "SCHOOL", "UNIVERSITY",
                null, "某大学外国语学院团委");
        long englishClass = api.createChild(UNIVERSITY_ADMIN, secondCollege, "BRANCH", "SCHOOL", "UNIVERSITY", null,
                "英语2024级1班团支部");

        var colleges = api.get(UNIVERSITY_ADMIN, "/api/orgs/" + tree.university() + "/children").json().path("items");
        assertThat(colleges).hasSize(2).allSatisfy(college -> {
            assertThat(college.path("type").asString()).isEqualTo("COMMITTEE");
            assertThat(college.path("domain").asString()).isEqualTo("SCHOOL");
            assertThat(college.path("schoolLevel").asString()).isEqualTo("UNIVERSITY");
        });
        var classes = api.get(COLLEGE_ADMIN, "/api/orgs/" + tree.college() + "/children").json().path("items");
        assertThat(classes).hasSize(2).allSatisfy(branch -> assertThat(branch.path("type").asString()).isEqualTo("BRANCH"));
        assertThat(api.get(UNIVERSITY_ADMIN, "/api/orgs/" + englishClass).json().path("path").asString())
                .isEqualTo("1.2." + tree.district() + "." + tree.university() + "." + secondCollege + "." + englishClass);

        try (var events = OrgEvents.reader()) {
            var created = read(events, "OrgCreated.v1", seen -> seen.stream()
                    .anyMatch(e -> data(e).path("org").path("id").asLong() == englishClass), Duration.ofSeconds(20));
            assertThat(created).filteredOn(e -> data(e).path("org").path("id").asLong() == englishClass)
                    .singleElement().satisfies(e -> {
                        assertThat(data(e).path("org").path("schoolLevel").asString()).isEqualTo("UNIVERSITY");
                        assertThat(data(e).path("org").path("parentId").asLong()).isEqualTo(secondCollege);
                    });
        }
    }

    @Test
    @DisplayName("R-SCOPE-1 a college's admin cannot create beside or above it; a sibling school's admin cannot create inside")
    void creatingSchoolOrgsInScope() {
        assertThat(api.post(COLLEGE_ADMIN, "/api/orgs/" + tree.university() + "/children",
                body("COMMITTEE", "SCHOOL", "UNIVERSITY", null, "越级学院")).status()).isEqualTo(403);
        assertThat(api.post(SIBLING_UNIVERSITY_ADMIN, "/api/orgs/" + tree.college() + "/children",
                body("BRANCH", "SCHOOL", "UNIVERSITY", null, "越权班级")).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("R-GRAD-5 an enterprise park's 团工委 creates a 学社衔接临时团支部; a 团委 may not")
    void temporaryBranch() {
        long park = api.createChild(DISTRICT_ADMIN, tree.district(), "WORK_COMMITTEE", "PRIVATE_ENTERPRISE", "中关村软件园团工委");
        long temporary = api.createChild(DISTRICT_ADMIN, park, "BRANCH", "PRIVATE_ENTERPRISE", null,
                "SCHOOL_TO_SOCIETY_TEMPORARY", "中关村软件园学社衔接临时团支部");
        assertThat(api.get(DISTRICT_ADMIN, "/api/orgs/" + temporary).json().path("branchKind").asString())
                .isEqualTo("SCHOOL_TO_SOCIETY_TEMPORARY");

        long enterprise = api.createChild(DISTRICT_ADMIN, tree.district(), "COMMITTEE", "PRIVATE_ENTERPRISE", "某公司团委");
        var refused = api.post(DISTRICT_ADMIN, "/api/orgs/" + enterprise + "/children",
                body("BRANCH", "PRIVATE_ENTERPRISE", null, "SCHOOL_TO_SOCIETY_TEMPORARY", "某公司临时团支部"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("TEMPORARY_BRANCH_PARENT_NOT_ALLOWED");
        assertThat(refused.rule()).isEqualTo("R-GRAD-5");

        var inSchool = api.post(UNIVERSITY_ADMIN, "/api/orgs/" + tree.university() + "/children",
                body("BRANCH", "SCHOOL", "UNIVERSITY", "SCHOOL_TO_SOCIETY_TEMPORARY", "学校临时团支部"));
        assertThat(inSchool.code()).isEqualTo("TEMPORARY_BRANCH_PARENT_NOT_ALLOWED");
    }

    @Test
    @DisplayName("R-TR-11 a 流动团支部 is made under a township or street org, not under a school or an enterprise")
    void floatingBranch() {
        long township = api.createChild(DISTRICT_ADMIN, tree.district(), "COMMITTEE", "RURAL", "某镇团委");
        long floating = api.createChild(DISTRICT_ADMIN, township, "BRANCH", "RURAL", null, "FLOATING", "某镇流动团支部");
        assertThat(api.get(DISTRICT_ADMIN, "/api/orgs/" + floating).json().path("branchKind").asString())
                .isEqualTo("FLOATING");

        var underSchool = api.post(UNIVERSITY_ADMIN, "/api/orgs/" + tree.university() + "/children",
                body("BRANCH", "SCHOOL", "UNIVERSITY", "FLOATING", "学校流动团支部"));
        assertThat(underSchool.status()).isEqualTo(422);
        assertThat(underSchool.code()).isEqualTo("FLOATING_BRANCH_PARENT_NOT_ALLOWED");
        assertThat(underSchool.rule()).isEqualTo("R-TR-11");
    }

    private static String body(String type, String domain, String level, String kind, String name) {
        return """
                {"type":"%s","domain":"%s","schoolLevel":%s,"branchKind":%s,"fullName":"%s","shortName":"%s"}"""
                .formatted(type, domain, level == null ? "null" : "\"" + level + "\"",
                        kind == null ? "null" : "\"" + kind + "\"", name, name);
    }
}
