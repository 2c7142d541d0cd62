package cn.league.org.school;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import cn.league.org.support.OrgEvents;

import static cn.league.org.support.OrgEvents.data;
import static cn.league.org.support.OrgEvents.read;
import static cn.league.org.support.People.BEIJING_ADMIN;
import static cn.league.org.support.People.CLASS_ADMIN;
import static cn.league.org.support.People.COLLEGE_ADMIN;
import static cn.league.org.support.People.DISTRICT_ADMIN;
import static cn.league.org.support.People.SIBLING_UNIVERSITY_ADMIN;
import static cn.league.org.support.People.TIANJIN_ADMIN;
import static cn.league.org.support.People.UNIVERSITY_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

class GraduationMarkApiTest extends SchoolTreeApiTest {

    @Test
    @DisplayName("R-GRAD-1 R-GRAD-2 the college's admin marks a class, the university's admin changes the mark, then clears it; "
            + "each change is announced with the new snapshot")
    void markChangeClear() {
        var marked = api.put(COLLEGE_ADMIN, markPath(tree.classA()), year(NEXT_YEAR));
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.json().path("graduationYear").asInt()).isEqualTo(NEXT_YEAR);

        var changed = api.put(UNIVERSITY_ADMIN, markPath(tree.classA()), year(NEXT_YEAR + 2));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("graduationYear").asInt()).isEqualTo(NEXT_YEAR + 2);

        var cleared = api.put(UNIVERSITY_ADMIN, markPath(tree.classA()), "{\"graduationYear\":null}");
        assertThat(cleared.json().path("graduationYear").isNull()).isTrue();

        try (var events = OrgEvents.reader()) {
            var changes = read(events, "OrgChanged.v1", seen -> seen.stream()
                    .filter(e -> data(e).path("org").path("id").asLong() == tree.classA()).count() >= 3,
                    Duration.ofSeconds(20)).stream()
                    .filter(e -> data(e).path("org").path("id").asLong() == tree.classA())
                    .map(e -> data(e).path("org").path("graduationYear"))
                    .map(year -> year.isNull() ? "null" : String.valueOf(year.asInt()))
                    .toList();
            assertThat(changes).containsExactly(String.valueOf(NEXT_YEAR), String.valueOf(NEXT_YEAR + 2), "null");
        }
    }

    @Test
    @DisplayName("R-GRAD-1 several branches in one call, all or none")
    void bulk() {
        var both = api.post(UNIVERSITY_ADMIN, "/api/orgs/graduation-marks",
                "{\"branchIds\":[%d,%d],\"graduationYear\":%d}".formatted(tree.classA(), tree.classB(), NEXT_YEAR));
        assertThat(both.status()).isEqualTo(200);
        assertThat(both.json()).hasSize(2).allSatisfy(org -> assertThat(org.path("graduationYear").asInt()).isEqualTo(NEXT_YEAR));

        var withCollege = api.post(UNIVERSITY_ADMIN, "/api/orgs/graduation-marks",
                "{\"branchIds\":[%d,%d],\"graduationYear\":%d}".formatted(tree.classA(), tree.college(), NEXT_YEAR + 1));
        assertThat(withCollege.status()).isEqualTo(422);
        assertThat(withCollege.code()).isEqualTo("GRADUATION_MARK_NOT_A_BRANCH");
        assertThat(withCollege.json().path("detail").asString()).isEqualTo("某大学计算机学院团委:被标记的团组织的组织类别不是团支部");
        assertThat(yearOf(tree.classA())).as("nothing changed").isEqualTo(NEXT_YEAR);

        assertThat(api.post(UNIVERSITY_ADMIN, "/api/orgs/graduation-marks", "{\"branchIds\":[]}").status())
                .isEqualTo(400);
    }

    @Test
    @DisplayName("R-GRAD-1 a branch's own admin cannot mark it, nor can a non-school leading body above it (FAQ 51)")
    void whoMayNot() {
        var own = api.put(CLASS_ADMIN, markPath(tree.classA()), year(NEXT_YEAR));
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("BRANCH_ADMIN_CANNOT_MARK");
        assertThat(own.rule()).isEqualTo("R-GRAD-1");

        for (String leadingBody : new String[] {DISTRICT_ADMIN, BEIJING_ADMIN}) {
            var refused = api.put(leadingBody, markPath(tree.classA()), year(NEXT_YEAR));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("GRADUATION_MARKER_NOT_ALLOWED");
            assertThat(refused.json().path("detail").asString())
                    .isEqualTo("学校领域各级团组织管理员(团支部管理员除外)和学校团支部的直属上级才有权限标记团支部毕业时间");
        }
        assertThat(yearOf(tree.classA())).isNull();
    }

    @Test
    @DisplayName("R-SCOPE-1 a sibling school's admin, another province's admin and a child branch's admin are refused")
    void scope() {
        long otherClass = tree.classB();
        for (String outsider : new String[] {SIBLING_UNIVERSITY_ADMIN, TIANJIN_ADMIN}) {
            var refused = api.put(outsider, markPath(otherClass), year(NEXT_YEAR));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("OUT_OF_SCOPE");
            var bulk = api.post(outsider, "/api/orgs/graduation-marks",
                    "{\"branchIds\":[%d],\"graduationYear\":%d}".formatted(otherClass, NEXT_YEAR));
            assertThat(bulk.code()).isEqualTo("OUT_OF_SCOPE");
        }
        // the admin of class A, a child of the college, acting on its sibling class B
        var childAdmin = api.put(CLASS_ADMIN, markPath(otherClass), year(NEXT_YEAR));
        assertThat(childAdmin.status()).isEqualTo(403);
        assertThat(childAdmin.code()).isEqualTo("OUT_OF_SCOPE");
        assertThat(yearOf(otherClass)).isNull();
    }

    @Test
    @DisplayName("R-GRAD-1 where a whole school is one branch, its direct parent marks it, even outside the school domain")
    void wholeSchoolBranch() {
        long education = api.createChild(DISTRICT_ADMIN, tree.district(), "WORK_COMMITTEE", "PUBLIC_INSTITUTION",
                "区教育系统团工委");
        String educationAdmin = "110101198801010138";
        api.makeAdmin(educationAdmin, education);
        long school = api.createChild(educationAdmin, education, "BRANCH", "SCHOOL", "JUNIOR_HIGH", null, "某初中团支部");

        var marked = api.put(educationAdmin, markPath(school), year(NEXT_YEAR));
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.json().path("graduationYear").asInt()).isEqualTo(NEXT_YEAR);
        assertThat(api.put(DISTRICT_ADMIN, markPath(school), year(NEXT_YEAR)).code())
                .isEqualTo("GRADUATION_MARKER_NOT_ALLOWED");
    }

    @Test
    @DisplayName("R-GRAD-1 only school branches other than 小学 are marked; the year is this year to ten years ahead")
    void whatCanBeMarked() {
        long primary = api.createChild(DISTRICT_ADMIN, tree.district(), "COMMITTEE", "SCHOOL", "PRIMARY", null, "某小学团委");
        long primaryBranch = api.createChild(DISTRICT_ADMIN, primary, "BRANCH", "SCHOOL", "PRIMARY", null, "某小学团支部");
        var refused = api.put(DISTRICT_ADMIN, markPath(primaryBranch), year(NEXT_YEAR));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("GRADUATION_MARK_NOT_A_SCHOOL_BRANCH");
        assertThat(refused.json().path("detail").asString()).isEqualTo("被标记的团组织\"单位所属行业类别\"选项为空,小学或者不是学校领域");

        var college = api.put(UNIVERSITY_ADMIN, markPath(tree.college()), year(NEXT_YEAR));
        assertThat(college.code()).isEqualTo("GRADUATION_MARK_NOT_A_BRANCH");

        var past = api.put(COLLEGE_ADMIN, markPath(tree.classA()), year(NEXT_YEAR - 2));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.code()).isEqualTo("GRADUATION_YEAR_OUT_OF_RANGE");
    }

    private Integer yearOf(long orgId) {
        return jdbc.sql("select graduation_year from org where id = ?").param(orgId)
                .query((row, n) -> Optional.ofNullable(row.getObject(1, Integer.class))).single().orElse(null);
    }

    private static String markPath(long branchId) {
        return "/api/orgs/" + branchId + "/graduation-year";
    }

    private static String year(int year) {
        return "{\"graduationYear\":" + year + "}";
    }
}
