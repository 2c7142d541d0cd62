package cn.league.member.scope;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.member.support.MemberApi;
import cn.league.member.support.TestPeople;
import cn.league.member.support.TreeReplica;
import cn.league.test.ServiceApi.Refusal;
import cn.league.test.ServiceApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, docs/security.md: a person's records — the person, their self-registration — answer an admin of another
 * branch of the tree exactly as an unknown id does (404, same code, same words), so nobody learns whether an ID number
 * is in the system outside their subtree.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeopleOutsideScopeApiTest {

    static final String PROVINCE_ADMIN = "110105199001014329";
    static final String COMMITTEE_ADMIN = "440306199808085674";
    static final String BRANCH_ADMIN = "11010119950315123X";
    static final String SIBLING_ADMIN = "110101198507070012";
    static final String REASON = "{\"reason\":\"矩阵\"}";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    MemberApi api;
    long branch;

    @BeforeEach
    void tree() {
        api = new MemberApi(port);
        branch = new TreeReplica(jdbc).standard(PROVINCE_ADMIN, COMMITTEE_ADMIN, BRANCH_ADMIN, SIBLING_ADMIN).branch();
    }

    @Test
    @DisplayName("R-SCOPE-1 a person outside the caller's subtree answers every person operation as an unknown ID number: 404 PERSON_NOT_FOUND")
    void aPersonOutsideTheSubtreeIsAnUnknownPerson() {
        String person = new TestPeople(jdbc).member(branch, LocalDate.of(2002, 2, 2), "共青团员");
        String unknown = TestPeople.idNumber(LocalDate.of(2002, 2, 3));

        for (String operation : List.of("GET ", "PUT ", "PUT /development-number", "POST /reset-code",
                "POST /deletion")) {
            Refusal foreign = call(operation, person).refusal();
            assertThat(foreign).as(operation).isEqualTo(call(operation, unknown).refusal());
            assertThat(foreign.status()).as(operation).isEqualTo(404);
            assertThat(foreign.code()).as(operation).isEqualTo("PERSON_NOT_FOUND");
        }
        assertThat(api.get(COMMITTEE_ADMIN, "/api/members/people/" + person).status()).as("in scope").isEqualTo(200);
    }

    @Test
    @DisplayName("R-SCOPE-1 R-AUTH-4 a self-registration into another subtree answers as an unknown one: 404 REGISTRATION_NOT_FOUND")
    void aRegistrationOutsideTheSubtreeIsAnUnknownRegistration() {
        var requested = api.post(TestPeople.idNumber(LocalDate.of(2002, 2, 4)), "/api/members/registrations", """
                {"orgId":%d,"kind":"MEMBER","name":"范围甲","ethnicity":"汉族","politicalStatus":"共青团员",
                 "education":"本科","joinDate":"2015-05-04","mobile":"13800000000"}""".formatted(branch));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        long unknown = requested.id() + 1_000_000;

        for (String operation : List.of("GET ", "POST /approval", "POST /rejection", "POST /withdrawal")) {
            Refusal foreign = registration(operation, requested.id()).refusal();
            assertThat(foreign).as(operation).isEqualTo(registration(operation, unknown).refusal());
            assertThat(foreign.status()).as(operation).isEqualTo(404);
            assertThat(foreign.code()).as(operation).isEqualTo("REGISTRATION_NOT_FOUND");
        }
    }

    /** "METHOD /suffix" on /api/members/people/{idNumber}, as the sibling subtree's admin. */
    private Response call(String operation, String idNumber) {
        return send(operation, "/api/members/people/" + idNumber);
    }

    private Response registration(String operation, long id) {
        return send(operation, "/api/members/registrations/" + id);
    }

    private Response send(String operation, String path) {
        String[] parts = operation.split(" ", 2);
        String url = path + parts[1];
        return switch (parts[0]) {
            case "GET" -> api.get(SIBLING_ADMIN, url);
            case "PUT" -> api.put(SIBLING_ADMIN, url, parts[1].isEmpty()
                    ? "{\"ethnicity\":\"汉族\",\"politicalStatus\":\"共青团员\",\"mobile\":\"13811111111\"}"
                    : "{\"developmentNumber\":null}");
            default -> api.post(SIBLING_ADMIN, url, REASON);
        };
    }
}
