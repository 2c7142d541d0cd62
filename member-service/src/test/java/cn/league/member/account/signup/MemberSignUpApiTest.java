package cn.league.member.account.signup;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.league.member.account.KeycloakStandIn;
import cn.league.member.support.MemberApi;
import cn.league.member.support.TestPeople;
import cn.league.member.support.TreeReplica;
import cn.league.test.ServiceApi.Response;
import cn.league.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 团员团干部注册 without a login (R-AUTH-4, R-AUTH-5, FAQ 3 and 21) over HTTP, with real PostgreSQL and Kafka and
 * Keycloak's admin API played by {@link KeycloakStandIn}, which imports people by asking member-service's account
 * lookup as the league's Keycloak extension does. The captcha's answer is fixed by a test-only property.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "league.accounts.captcha.test-answer=" + MemberSignUpApiTest.ANSWER,
        "league.accounts.keycloak.client-id=" + KeycloakStandIn.CLIENT_ID,
        "league.accounts.keycloak.client-secret=" + KeycloakStandIn.SECRET})
class MemberSignUpApiTest {

    static final String ANSWER = "M4ZW";
    static final KeycloakStandIn KEYCLOAK = KeycloakStandIn.start();
    static final String PROVINCE_ADMIN = TestPeople.idNumber(LocalDate.of(1985, 1, 1));
    static final String COMMITTEE_ADMIN = TestPeople.idNumber(LocalDate.of(1990, 2, 2));
    static final String BRANCH_ADMIN = TestPeople.idNumber(LocalDate.of(1995, 3, 3));
    static final String SIBLING_ADMIN = TestPeople.idNumber(LocalDate.of(1988, 4, 4));

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("league.accounts.keycloak.url", KEYCLOAK::url);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    MemberApi api;
    TreeReplica.Standard tree;

    @BeforeEach
    void tree() {
        api = new MemberApi(port);
        tree = new TreeReplica(jdbc).standard(PROVINCE_ADMIN, COMMITTEE_ADMIN, BRANCH_ADMIN, SIBLING_ADMIN);
        KEYCLOAK.federateWith("http://127.0.0.1:" + port);
        KEYCLOAK.resetsFail(false);
    }

    static String newcomer() {
        return TestPeople.idNumber(LocalDate.of(2003, 9, 9));
    }

    String captcha() {
        Response captcha = api.anonymous("POST", "/api/accounts/captcha", null);
        assertThat(captcha.status()).as(captcha.body()).isEqualTo(201);
        return captcha.json().path("captchaId").asString();
    }

    Response signUp(String idNumber, String password, long orgId, String answer) {
        return signUp(idNumber, password, "13812345678", orgId, "MEMBER", answer);
    }

    Response signUp(String idNumber, String password, String mobile, long orgId, String kind, String answer) {
        return api.anonymous("POST", "/api/accounts/member-registration", """
                {"idNumber":"%s","name":"自注册%s","password":"%s","mobile":"%s","orgId":%d,"kind":"%s",
                 "postTitle":"组织委员","politicalStatus":"共青团员","ethnicity":"汉族",
                 "captchaId":"%s","captchaAnswer":"%s"}""".formatted(idNumber.toLowerCase(), idNumber.substring(14),
                password, mobile, orgId, kind, captcha(), answer));
    }

    tools.jackson.databind.JsonNode lookUp(String idNumber) {
        return new MemberApi(port)
                .withHeader("Authorization", "Bearer " + TestTokens.get().serviceAccountToken("league-account-lookup"))
                .anonymous("GET", "/internal/accounts/" + idNumber, null).json();
    }

    int stored(String idNumber) {
        return jdbc.sql("select (select count(*) from member_account where id_number = :id)"
                        + " + (select count(*) from registration where id_number = :id)")
                .param("id", idNumber).query(Integer.class).single();
    }

    @Test
    @DisplayName("R-AUTH-4 someone no admin added registers into a branch without a login: Keycloak holds their password, "
            + "they may log in at once, see their pending request with the org's name; the committee's admin approves "
            + "it and they are a member, still logging in with their own password")
    void registersLogsInAndIsApproved() {
        String person = newcomer();
        Response registered = signUp(person, "Eigen-pass1", tree.branch(), ANSWER.toLowerCase());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().path("idNumber").asString()).isEqualTo(person);
        assertThat(registered.json().path("orgName").asString()).isEqualTo("某公司一支部");
        long registration = registered.json().path("registrationId").asLong();

        assertThat(KEYCLOAK.passwordOf(person)).isEqualTo("Eigen-pass1");
        assertThat(lookUp(person).path("mayLogIn").asBoolean()).isTrue();
        assertThat(lookUp(person).path("name").asString()).isEqualTo("自注册" + person.substring(14));

        var mine = api.get(person, "/api/members/registrations/mine").json().path("items");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("state").asString()).isEqualTo("PENDING");
        assertThat(mine.get(0).path("orgName").asString()).isEqualTo("某公司一支部");
        assertThat(mine.get(0).path("id").asLong()).isEqualTo(registration);

        Response approved = api.post(COMMITTEE_ADMIN, "/api/members/registrations/" + registration + "/approval", null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(jdbc.sql("select branch_id from membership where id_number = ?").param(person)
                .query(Long.class).single()).isEqualTo(tree.branch());
        assertThat(jdbc.sql("select mobile from person where id_number = ?").param(person)
                .query(String.class).single()).isEqualTo("13812345678");
        assertThat(lookUp(person).path("mayLogIn").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("R-AUTH-4 the applicant withdraws their pending request (撤销申请) and keeps their account")
    void withdrawsAndKeepsTheAccount() {
        String person = newcomer();
        Response registered = signUp(person, "Eigen-pass2", tree.siblingBranch(), ANSWER);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        Response withdrawn = api.post(person, "/api/members/registrations/"
                + registered.json().path("registrationId").asLong() + "/withdrawal", null);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().path("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(lookUp(person).path("mayLogIn").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("R-AUTH-5 FAQ 21 an ID number already in the system — a person added by an admin, or someone who "
            + "registered themself — gets FAQ 21's answer and no second account; the password stays as it was")
    void anIdNumberRegisteredAlready() {
        String known = new TestPeople(jdbc).member(tree.branch(), LocalDate.of(2002, 2, 2), "共青团员");
        Response person = signUp(known, "Eigen-pass3", tree.branch(), ANSWER);
        assertThat(person.status()).isEqualTo(409);
        assertThat(person.code()).isEqualTo("ID_ALREADY_REGISTERED");
        assertThat(person.rule()).isEqualTo("R-AUTH-5");
        assertThat(person.json().path("detail").asString()).startsWith("身份证已注册").contains("无需再次注册")
                .contains("身份证后八位").contains("组织关系转接");
        assertThat(KEYCLOAK.passwordOf(known)).isNull();

        String registered = newcomer();
        assertThat(signUp(registered, "Eigen-pass4", tree.branch(), ANSWER).status()).isEqualTo(201);
        Response twice = signUp(registered, "Fremd-pass5", tree.siblingBranch(), ANSWER);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("detail").asString()).isEqualTo(person.json().path("detail").asString());
        assertThat(KEYCLOAK.passwordOf(registered)).isEqualTo("Eigen-pass4");
    }

    @Test
    @DisplayName("R-AUTH-4 R-AUTH-3 a password Keycloak's policy refuses, or Keycloak failing, leaves neither account nor "
            + "request; the next try goes through")
    void aFailureLeavesNeitherHalf() {
        String person = newcomer();
        Response weak = signUp(person, "kurz1", tree.branch(), ANSWER);
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.code()).isEqualTo("PASSWORD_POLICY");
        assertThat(weak.json().path("detail").asString()).isEqualTo("新密码长度至少为8位");
        assertThat(stored(person)).isZero();
        assertThat(lookUp(person).path("mayLogIn").asBoolean()).as("the login Keycloak imported goes at its next lookup")
                .isFalse();

        KEYCLOAK.resetsFail(true);
        Response down = signUp(person, "Eigen-pass6", tree.branch(), ANSWER);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("ACCOUNTS_UNAVAILABLE");
        assertThat(stored(person)).isZero();

        KEYCLOAK.resetsFail(false);
        Response again = signUp(person, "Eigen-pass6", tree.branch(), ANSWER);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(stored(person)).isEqualTo(2);
    }

    @Test
    @DisplayName("R-AUTH-4 a sign-up cut short (its account never finished) stops counting after two minutes: no login, "
            + "and the person's next try takes the ID number over; a fresh unfinished one is still taken")
    void anUnfinishedAccountExpires() {
        String stale = newcomer();
        jdbc.sql("insert into member_account (id_number, name, mobile, created_at) values (?, '半途', '13800000000', ?)")
                .params(stale, Timestamp.from(Instant.now().minus(NewAccountRule.UNFINISHED_FOR).minusSeconds(5)))
                .update();
        assertThat(lookUp(stale).path("mayLogIn").asBoolean()).isFalse();
        assertThat(signUp(stale, "Eigen-pass7", tree.branch(), ANSWER).status()).isEqualTo(201);
        assertThat(jdbc.sql("select confirmed_at is not null from member_account where id_number = ?").param(stale)
                .query(Boolean.class).single()).isTrue();

        String fresh = newcomer();
        jdbc.sql("insert into member_account (id_number, name, mobile, created_at) values (?, '正在注册', '13800000000', ?)")
                .params(fresh, Timestamp.from(Instant.now())).update();
        assertThat(signUp(fresh, "Eigen-pass8", tree.branch(), ANSWER).status()).isEqualTo(409);
    }

    @Test
    @DisplayName("R-AUTH-1 R-ID-4 R-MEM-1 R-AUTH-4 the captcha first, then the ID number, the mobile number and the org "
            + "asked for; a refusal stores nothing")
    void refusalsStoreNothing() {
        String person = newcomer();
        Response wrongCaptcha = signUp(person, "Eigen-pass9", tree.branch(), "XXXX");
        assertThat(wrongCaptcha.code()).isEqualTo("CAPTCHA_WRONG");

        Response invalidId = signUp("110105199001014320", "Eigen-pass9", tree.branch(), ANSWER);
        assertThat(invalidId.status()).isEqualTo(422);
        assertThat(invalidId.rule()).isEqualTo("R-ID-4");

        Response mobile = signUp(person, "Eigen-pass9", "1234", tree.branch(), "MEMBER", ANSWER);
        assertThat(mobile.status()).isEqualTo(422);
        assertThat(mobile.code()).isEqualTo("MOBILE_INVALID");

        Response committee = signUp(person, "Eigen-pass9", "13812345678", tree.committee(), "MEMBER", ANSWER);
        assertThat(committee.status()).isEqualTo(422);
        assertThat(committee.code()).isEqualTo("MEMBERSHIP_ONLY_IN_BRANCH");

        Response province = signUp(person, "Eigen-pass9", "13812345678", tree.province(), "CADRE", ANSWER);
        assertThat(province.status()).isEqualTo(422);
        assertThat(province.code()).isEqualTo("REGISTRATION_ORG_NOT_OPEN");
        assertThat(province.rule()).isEqualTo("R-AUTH-4");

        assertThat(stored(person)).isZero();
        assertThat(KEYCLOAK.passwordOf(person)).isNull();

        Response cadre = signUp(person, "Eigen-pass9", "13812345678", tree.committee(), "CADRE", ANSWER);
        assertThat(cadre.status()).as(cadre.body()).isEqualTo(201);
        assertThat(cadre.json().path("kind").asString()).isEqualTo("CADRE");
    }
}
