package cn.league.org.school;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.league.test.ServiceApi.Response;

import static cn.league.org.support.People.CLASS_ADMIN;
import static cn.league.org.support.People.COLLEGE_ADMIN;
import static cn.league.org.support.People.DISTRICT_ADMIN;
import static cn.league.org.support.People.SIBLING_UNIVERSITY_ADMIN;
import static cn.league.org.support.People.UNIVERSITY_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/** What the console offers about an org's school details agrees with what the acts themselves allow. */
class SchoolOptionsApiTest extends SchoolTreeApiTest {

    @Test
    @DisplayName("R-ORG-8 the independent school's own admin may set its code; its district's admin sees it has one, "
            + "may not; a college has none")
    void schoolCode() {
        JsonNode own = options(UNIVERSITY_ADMIN, tree.university());
        assertThat(own.path("independentSchool").asBoolean()).isTrue();
        assertThat(own.path("maySetSchoolCode").asBoolean()).isTrue();
        assertThat(own.path("markable").asBoolean()).isFalse();
        assertThat(own.path("mayMarkBranchesBelow").asBoolean()).as("a school body marks the branches below")
                .isTrue();
        assertThat(api.put(UNIVERSITY_ADMIN, "/api/orgs/" + tree.university() + "/school-code",
                "{\"schoolCode\":\"" + (4_100_000_000L + tree.university()) + "\"}").status()).isEqualTo(200);

        JsonNode district = options(DISTRICT_ADMIN, tree.university());
        assertThat(district.path("independentSchool").asBoolean()).isTrue();
        assertThat(district.path("maySetSchoolCode").asBoolean()).isFalse();
        assertThat(district.path("mayMarkBranchesBelow").asBoolean()).isFalse();
        assertThat(api.delete(DISTRICT_ADMIN, "/api/orgs/" + tree.university() + "/school-code").code())
                .isEqualTo("SCHOOL_CODE_OWN_ADMIN_ONLY");

        JsonNode college = options(COLLEGE_ADMIN, tree.college());
        assertThat(college.path("independentSchool").asBoolean()).isFalse();
        assertThat(college.path("maySetSchoolCode").asBoolean()).isFalse();
        assertThat(college.path("mayMarkBranchesBelow").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("R-GRAD-1 a class is marked by its college's and university's admins, not by its own nor the district's")
    void graduationMarks() {
        for (String marker : new String[] {COLLEGE_ADMIN, UNIVERSITY_ADMIN}) {
            JsonNode options = options(marker, tree.classA());
            assertThat(options.path("markable").asBoolean()).isTrue();
            assertThat(options.path("mayMark").asBoolean()).as(marker).isTrue();
            assertThat(options.path("mayMarkBranchesBelow").asBoolean()).isFalse();
            assertThat(mark(marker, tree.classA()).status()).as(marker).isEqualTo(200);
        }
        for (String outsider : new String[] {CLASS_ADMIN, DISTRICT_ADMIN}) {
            JsonNode options = options(outsider, tree.classA());
            assertThat(options.path("markable").asBoolean()).isTrue();
            assertThat(options.path("mayMark").asBoolean()).as(outsider).isFalse();
            assertThat(mark(outsider, tree.classA()).status()).as(outsider).isEqualTo(403);
        }
        Response refused = api.get(SIBLING_UNIVERSITY_ADMIN, "/api/orgs/" + tree.classA() + "/school-options");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.rule()).isEqualTo("R-SCOPE-1");
    }

    private JsonNode options(String caller, long orgId) {
        Response response = api.get(caller, "/api/orgs/" + orgId + "/school-options");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("orgId").asLong()).isEqualTo(orgId);
        return response.json();
    }

    private Response mark(String caller, long branchId) {
        return api.put(caller, "/api/orgs/" + branchId + "/graduation-year", "{\"graduationYear\":" + NEXT_YEAR + "}");
    }
}
