package cn.league.member.account;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Locale;

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
import cn.league.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /internal/accounts/{idNumber}}: Keycloak's user lookup (R-AUTH-2), for service accounts only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountApiTest {

    static final String LOOKUP = "service-account-league-account-lookup";
    static final String PROVINCE_ADMIN = TestPeople.idNumber(LocalDate.of(1982, 5, 5));
    static final String SIBLING_ADMIN = TestPeople.idNumber(LocalDate.of(1983, 6, 6));
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    TestPeople people;
    TreeReplica.Standard orgs;

    @BeforeEach
    void tree() {
        people = new TestPeople(jdbc);
        orgs = new TreeReplica(jdbc).standard(PROVINCE_ADMIN, TestPeople.idNumber(LocalDate.of(1990, 1, 1)),
                TestPeople.idNumber(LocalDate.of(1991, 1, 1)), SIBLING_ADMIN);
    }

    @Test
    @DisplayName("R-AUTH-2 a service account with league-account-lookup learns that a person added by an admin exists, "
            + "may log in, and their name; the ID is found whatever the case of its X")
    void anActivePerson() {
        String member = people.member(orgs.branch(), LocalDate.of(2004, 3, 3), "共青团员");

        JsonNode account = lookUp(member.toLowerCase(Locale.ROOT));

        assertThat(account.path("idNumber").asString()).isEqualTo(member);
        assertThat(account.path("exists").asBoolean()).isTrue();
        assertThat(account.path("mayLogIn").asBoolean()).isTrue();
        assertThat(account.path("name").asString()).isEqualTo("测试" + member.substring(14, 17));
    }

    @Test
    @DisplayName("R-AUTH-2 an ID ending in X, as Keycloak sends it (lower-case x), is the person's")
    void anIdEndingInX() {
        String member = idEndingInX();
        jdbc.sql("insert into person (id_number, name, birth_date, gender, political_status) "
                + "values (?, '王晓', date '2003-01-01', 'FEMALE', '共青团员')").param(member).update();

        JsonNode account = lookUp(member.toLowerCase(Locale.ROOT));

        assertThat(account.path("idNumber").asString()).isEqualTo(member);
        assertThat(account.path("mayLogIn").asBoolean()).isTrue();
        assertThat(account.path("name").asString()).isEqualTo("王晓");
    }

    @Test
    @DisplayName("R-MEM-8 R-AUTH-2 a deleted person exists but may not log in; their name is not given out")
    void aDeletedPerson() {
        String member = people.member(orgs.branch(), LocalDate.of(2004, 4, 4), "共青团员");
        assertThat(new MemberApi(port).post(PROVINCE_ADMIN, "/api/members/people/" + member + "/deletion",
                "{\"reason\":\"重复录入\"}").status()).isEqualTo(200);

        JsonNode account = lookUp(member);

        assertThat(account.path("exists").asBoolean()).isTrue();
        assertThat(account.path("mayLogIn").asBoolean()).isFalse();
        assertThat(account.path("name").isNull()).isTrue();
    }

    @Test
    @DisplayName("R-AUTH-2 an unknown ID number is an answer, not an error: it does not exist and may not log in")
    void anUnknownIdNumber() {
        String nobody = TestPeople.idNumber(LocalDate.of(2005, 5, 5));

        JsonNode account = lookUp(nobody);

        assertThat(account.path("exists").asBoolean()).isFalse();
        assertThat(account.path("mayLogIn").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("R-SCOPE-1 a person's token is refused with 403, an admin's too (of the person's province or of "
            + "another branch of the tree); no token is 401")
    void peopleAreRefused() {
        String member = people.member(orgs.branch(), LocalDate.of(2004, 6, 6), "共青团员");

        for (String token : new String[] {TestTokens.get().accessToken(member),
                TestTokens.get().accessToken(PROVINCE_ADMIN, "default-roles-league", "league-user"),
                TestTokens.get().accessToken(SIBLING_ADMIN, "league-user")}) {
            HttpResponse<String> refused = get(member, token);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("\"code\":\"ACCESS_DENIED\"").doesNotContain("测试");
        }
        assertThat(get(member, null).statusCode()).isEqualTo(401);
    }

    private JsonNode lookUp(String idNumber) {
        HttpResponse<String> response = get(idNumber, TestTokens.get().serviceAccountToken(LOOKUP.substring("service-account-".length())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String idNumber, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/internal/accounts/" + idNumber));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** A valid ID number whose check character is X. */
    private static String idEndingInX() {
        while (true) {
            String candidate = TestPeople.idNumber(LocalDate.of(2003, 1, 1));
            if (candidate.endsWith("X")) {
                return candidate;
            }
        }
    }
}
