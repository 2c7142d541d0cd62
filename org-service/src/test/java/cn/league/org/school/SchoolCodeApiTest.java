package cn.league.org.school;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

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
import static cn.league.org.support.People.TIANJIN;
import static cn.league.org.support.People.TIANJIN_ADMIN;
import static cn.league.org.support.People.UNIVERSITY_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

class SchoolCodeApiTest extends SchoolTreeApiTest {

    @Test
    @DisplayName("R-ORG-8 the school committee's own admin sets, changes and clears its 学校机构编号; each change is announced")
    void setChangeClear() {
        String first = newCode();
        String second = newCode();
        var set = api.put(UNIVERSITY_ADMIN, codePath(tree.university()), body(" " + first + " "));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("schoolCode").asString()).isEqualTo(first);

        var changed = api.put(UNIVERSITY_ADMIN, codePath(tree.university()), body(second));
        assertThat(changed.json().path("schoolCode").asString()).isEqualTo(second);
        assertThat(api.get(UNIVERSITY_ADMIN, "/api/orgs/" + tree.university()).json().path("schoolCode").asString())
                .isEqualTo(second);

        var cleared = api.delete(UNIVERSITY_ADMIN, codePath(tree.university()));
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().path("schoolCode").isNull()).isTrue();
        assertThat(jdbc.sql("select school_code is null from org where id = ?").param(tree.university())
                .query(Boolean.class).single()).isTrue();

        try (var events = OrgEvents.reader()) {
            var changes = read(events, "OrgChanged.v1", seen -> seen.stream()
                    .filter(e -> data(e).path("org").path("id").asLong() == tree.university()).count() >= 3,
                    Duration.ofSeconds(20));
            assertThat(changes.stream().filter(e -> data(e).path("org").path("id").asLong() == tree.university()))
                    .hasSize(3)
                    .allSatisfy(e -> assertThat(e.key()).isEqualTo("2"));
        }
    }

    @Test
    @DisplayName("R-ORG-8 one code names one school across the country: a school in another province cannot take it")
    void uniqueAcrossTheCountry() {
        String code = newCode();
        assertThat(api.put(UNIVERSITY_ADMIN, codePath(tree.university()), body(code)).status()).isEqualTo(200);
        long tianjinSchool = api.createChild(TIANJIN_ADMIN, TIANJIN, "COMMITTEE", "SCHOOL", "VOCATIONAL", null, "天津某职校团委");

        var taken = api.put(TIANJIN_ADMIN, codePath(tianjinSchool), body(code));
        // 团天津市委's admin is the direct parent, not the school's own admin
        assertThat(taken.code()).isEqualTo("SCHOOL_CODE_OWN_ADMIN_ONLY");
        api.makeAdmin("120101199003030016", tianjinSchool);
        var duplicate = api.put("120101199003030016", codePath(tianjinSchool), body(code));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("SCHOOL_CODE_TAKEN");
        assertThat(duplicate.rule()).isEqualTo("R-ORG-8");
        assertThat(duplicate.json().path("detail").asString()).isEqualTo("该学校机构编号已被其他学校团组织使用,请核对后重新输入");

        assertThat(api.put(UNIVERSITY_ADMIN, codePath(tree.university()), body(code)).status())
                .as("saving its own code again is no conflict").isEqualTo(200);
    }

    @Test
    @DisplayName("R-ORG-8 never a leading body, a college or a class; the code is 5 to 20 digits")
    void onlyIndependentSchools() {
        var leadingBody = api.put(DISTRICT_ADMIN, codePath(tree.district()), body(newCode()));
        assertThat(leadingBody.status()).isEqualTo(422);
        assertThat(leadingBody.code()).isEqualTo("SCHOOL_CODE_NOT_FOR_LEADING_BODY");

        var college = api.put(COLLEGE_ADMIN, codePath(tree.college()), body(newCode()));
        assertThat(college.status()).isEqualTo(422);
        assertThat(college.code()).isEqualTo("SCHOOL_CODE_NOT_AN_INDEPENDENT_SCHOOL");
        assertThat(college.json().path("detail").asString()).contains("不包括学校的下属学院和班级团组织");

        var classBranch = api.put(CLASS_ADMIN, codePath(tree.classA()), body(newCode()));
        assertThat(classBranch.code()).isEqualTo("SCHOOL_CODE_NOT_AN_INDEPENDENT_SCHOOL");

        var letters = api.put(UNIVERSITY_ADMIN, codePath(tree.university()), body("41110A0001"));
        assertThat(letters.status()).isEqualTo(422);
        assertThat(letters.code()).isEqualTo("SCHOOL_CODE_FORMAT");
    }

    @Test
    @DisplayName("R-SCOPE-1 a sibling school's admin, a child college's admin and another province's admin are refused; "
            + "R-ORG-8 so is the parent's admin")
    void scope() {
        for (String outsider : new String[] {SIBLING_UNIVERSITY_ADMIN, COLLEGE_ADMIN, TIANJIN_ADMIN}) {
            var refused = api.put(outsider, codePath(tree.university()), body(newCode()));
            assertThat(refused.status()).as(outsider).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("OUT_OF_SCOPE");
            assertThat(api.delete(outsider, codePath(tree.university())).status()).isEqualTo(403);
        }
        for (String above : new String[] {DISTRICT_ADMIN, BEIJING_ADMIN}) {
            var refused = api.put(above, codePath(tree.university()), body(newCode()));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("SCHOOL_CODE_OWN_ADMIN_ONLY");
            assertThat(refused.json().path("detail").asString()).isEqualTo("学校机构编号由学校团委本级团组织管理员填写、修改或清空");
        }
    }

    private static String codePath(long orgId) {
        return "/api/orgs/" + orgId + "/school-code";
    }

    private static String body(String code) {
        return "{\"schoolCode\":\"" + code + "\"}";
    }

    /** A code no other test uses. */
    private static String newCode() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }
}
