package cn.league.identity.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.identity.support.IdNumbers;
import cn.league.identity.support.ManualWorkerContext;
import cn.league.identity.support.Orgs;
import cn.league.test.ServiceApi;
import cn.league.test.ServiceApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** /api/identity as admins use it, each endpoint refusing an admin of another branch of the tree (R-SCOPE-1). */
class IdentityApiTest extends ManualWorkerContext {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    private ServiceApi api;
    private long county;
    private long branch;
    private String countyAdmin;
    private String otherCountyAdmin;
    private String passed;
    private String failed;
    private String unverified;

    @BeforeEach
    void tree() {
        api = new ServiceApi(port);
        Orgs orgs = new Orgs(jdbc);
        long province = orgs.province();
        county = orgs.child(province, "LEADING_BODY");
        long committee = orgs.child(county, "COMMITTEE");
        branch = orgs.child(committee, "BRANCH");
        long otherCounty = orgs.child(province, "LEADING_BODY");
        countyAdmin = IdNumbers.known();
        otherCountyAdmin = IdNumbers.known();
        orgs.admin(countyAdmin, county);
        orgs.admin(otherCountyAdmin, otherCounty);
        passed = person("PASSED", null);
        failed = person("FAILED", "查无此人");
        unverified = person("UNVERIFIED", null);
        jdbc.sql("insert into check_result (id_number, name, status, reason, batch_id, checked_at) "
                + "values (?, '某人', 'FAILED', '查无此人', 1, now())").param(failed).update();
    }

    @Test
    @DisplayName("R-ID-1: a person's status and history, to their admins and themselves; others learn nothing")
    void personStatusAndHistory() {
        Response shown = api.get(countyAdmin, "/api/identity/people/" + failed);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("\"status\":\"FAILED\"").contains("\"label\":\"校验不通过\"")
                .contains("\"reason\":\"查无此人\"").contains("\"history\":[{");
        assertThat(api.get(failed, "/api/identity/people/" + failed).status()).as("R-SCOPE-3").isEqualTo(200);

        Response refused = api.get(otherCountyAdmin, "/api/identity/people/" + failed);
        assertThat(refused.status()).as("R-SCOPE-1").isEqualTo(404);
        assertThat(refused.body()).contains("\"code\":\"PERSON_NOT_FOUND\"").doesNotContain("查无此人");
    }

    @Test
    @DisplayName("issue 16 R-SCOPE-1: a person outside the caller's subtree answers as an unknown ID number — reading "
            + "and re-checking: 404, the same code, the same words")
    void aPersonOutsideTheSubtreeIsAnUnknownPerson() {
        String unknown = IdNumbers.known();
        for (String suffix : List.of("", "/recheck")) {
            Response foreign = suffix.isEmpty() ? api.get(otherCountyAdmin, "/api/identity/people/" + failed)
                    : api.post(otherCountyAdmin, "/api/identity/people/" + failed + suffix, null);
            Response absent = suffix.isEmpty() ? api.get(otherCountyAdmin, "/api/identity/people/" + unknown)
                    : api.post(otherCountyAdmin, "/api/identity/people/" + unknown + suffix, null);
            assertThat(foreign.refusal()).as(suffix).isEqualTo(absent.refusal());
            assertThat(foreign.status()).as(suffix).isEqualTo(404);
            assertThat(foreign.code()).as(suffix).isEqualTo("PERSON_NOT_FOUND");
        }
    }

    @Test
    @DisplayName("R-ID-1: counts per status for the caller's subtree; another subtree is refused")
    void countsPerStatus() {
        Response counts = api.get(countyAdmin, "/api/identity/orgs/" + county + "/counts");
        assertThat(counts.status()).isEqualTo(200);
        assertThat(counts.body()).contains("{\"status\":\"UNVERIFIED\",\"label\":\"未校验\",\"people\":1}")
                .contains("{\"status\":\"PASSED\",\"label\":\"校验通过\",\"people\":1}")
                .contains("{\"status\":\"FAILED\",\"label\":\"校验不通过\",\"people\":1}");
        assertRefused(api.get(otherCountyAdmin, "/api/identity/orgs/" + county + "/counts"));
        assertRefused(api.get(countyAdmin, "/api/identity/orgs/" + 987_654_321L + "/counts"));
    }

    @Test
    @DisplayName("R-ID-1: the FAILED people of a subtree, paged, with the centre's reason; another subtree is refused")
    void failedPeoplePaged() {
        Response page = api.get(countyAdmin, "/api/identity/orgs/" + branch + "/failed?page=0&size=10");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(failed).contains("查无此人").doesNotContain(passed).doesNotContain(unverified);
        assertThat(api.get(countyAdmin, "/api/identity/orgs/" + branch + "/failed?page=1&size=10").body())
                .contains("\"items\":[]");
        assertRefused(api.get(otherCountyAdmin, "/api/identity/orgs/" + branch + "/failed"));
    }

    @Test
    @DisplayName("R-ID-3: an admin re-checks the FAILED people of their subtree now; another subtree is refused")
    void immediateRecheck() {
        jdbc.sql("update person set due_at = now() + interval '1 day' where id_number = ?").param(failed).update();
        assertRefused(api.post(otherCountyAdmin, "/api/identity/orgs/" + county + "/rechecks", null));
        assertThat(api.post(otherCountyAdmin, "/api/identity/people/" + failed + "/recheck", null).status())
                .isEqualTo(404);
        assertThat(due(failed)).isFalse();

        Response queued = api.post(countyAdmin, "/api/identity/orgs/" + county + "/rechecks", null);
        assertThat(queued.status()).isEqualTo(200);
        assertThat(queued.body()).isEqualTo("{\"queued\":1}");
        assertThat(due(failed)).isTrue();

        jdbc.sql("update person set due_at = now() + interval '1 day' where id_number = ?").param(failed).update();
        assertThat(api.post(countyAdmin, "/api/identity/people/" + failed + "/recheck", null).body())
                .isEqualTo("{\"queued\":1}");
        assertThat(due(failed)).isTrue();
    }

    @Test
    @DisplayName("R-SCOPE-1: batch history and the centre's health are for 团中央's admins only")
    void opsViews() {
        String centralAdmin = IdNumbers.known();
        new Orgs(jdbc).admin(centralAdmin, new Orgs(jdbc).central());
        Response centre = api.get(centralAdmin, "/api/identity/centre");
        assertThat(centre.status()).isEqualTo(200);
        assertThat(centre.body()).contains("\"up\":true").contains("\"circuit\":\"CLOSED\"");
        assertThat(api.get(centralAdmin, "/api/identity/batches?size=5").status()).isEqualTo(200);

        for (String path : new String[] {"/api/identity/centre", "/api/identity/batches"}) {
            Response refused = api.get(countyAdmin, path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("\"code\":\"CENTRAL_ADMIN_ONLY\"");
        }
    }

    private String person(String status, String reason) {
        String id = IdNumbers.known();
        jdbc.sql("insert into person (id_number, name, status, reason) values (?, '某人', ?, ?)")
                .params(id, status, reason).update();
        jdbc.sql("insert into person_org (id_number, org_id, via) values (?, ?, 'MEMBERSHIP')").params(id, branch)
                .update();
        return id;
    }

    private boolean due(String id) {
        return jdbc.sql("select due_at <= now() from person where id_number = ?").param(id).query(Boolean.class)
                .single();
    }

    private static void assertRefused(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("\"code\":\"OUT_OF_SCOPE\"").contains("\"rule\":\"R-SCOPE-1\"");
    }
}
