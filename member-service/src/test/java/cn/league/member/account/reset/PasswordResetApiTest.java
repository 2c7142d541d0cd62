package cn.league.member.account.reset;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.league.contracts.EventJson;
import cn.league.contracts.Topics;
import cn.league.contracts.member.MemberEvents.ResetCodeIssued;
import cn.league.member.account.KeycloakStandIn;
import cn.league.member.account.captcha.Captchas;
import cn.league.member.support.MemberApi;
import cn.league.member.support.TestPeople;
import cn.league.member.support.TreeReplica;
import cn.league.support.problem.ProblemException;
import cn.league.test.ServiceApi.Response;
import cn.league.test.TestKafka;
import cn.league.test.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 忘记密码 (R-AUTH-3) over HTTP: codes issued by admins over the person (R-SCOPE-1), the public reset behind a
 * captcha, Keycloak's admin API played by {@link KeycloakStandIn}. The captcha's answer is fixed by a test-only
 * property.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "league.accounts.captcha.test-answer=" + PasswordResetApiTest.ANSWER,
        "league.accounts.keycloak.client-id=" + KeycloakStandIn.CLIENT_ID,
        "league.accounts.keycloak.client-secret=" + KeycloakStandIn.SECRET})
class PasswordResetApiTest {

    static final String ANSWER = "K7PX";
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
    @Autowired
    ResetCodes codes;
    @Autowired
    Captchas captchas;

    MemberApi api;
    String person;
    TreeReplica.Standard tree;

    @BeforeEach
    void tree() {
        api = new MemberApi(port);
        tree = new TreeReplica(jdbc)
                .standard(PROVINCE_ADMIN, COMMITTEE_ADMIN, BRANCH_ADMIN, SIBLING_ADMIN);
        person = new TestPeople(jdbc).member(tree.branch(), LocalDate.of(2002, 7, 8), "共青团员");
        KEYCLOAK.addUser(person);
    }

    String issue(String admin) {
        Response issued = api.post(admin, "/api/members/people/" + person + "/reset-code", null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().path("resetCode").asString();
    }

    String captcha() {
        Response captcha = api.anonymous("POST", "/api/accounts/captcha", null);
        assertThat(captcha.status()).as(captcha.body()).isEqualTo(201);
        return captcha.json().path("captchaId").asString();
    }

    Response reset(String password, String code, String captchaId, String answer) {
        return api.anonymous("POST", "/api/accounts/password-reset", """
                {"idNumber":"%s","newPassword":"%s","resetCode":"%s","captchaId":"%s","captchaAnswer":"%s"}"""
                .formatted(person.toLowerCase(), password, code, captchaId, answer));
    }

    @Test
    @DisplayName("R-AUTH-3 the branch's admin issues a code; the person, without logging in, sets a new password "
            + "with it and a captcha; the code then works no more")
    void codeWorksOnce() {
        String code = issue(BRANCH_ADMIN);
        assertThat(code).hasSize(10);
        assertThat(jdbc.sql("select code_hash from reset_code where id_number = ?").param(person)
                .query(String.class).single()).as("stored hashed").doesNotContain(code).hasSize(64);

        Response done = reset("Neu-pass1", code.toLowerCase(), captcha(), ANSWER.toLowerCase());
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(KEYCLOAK.passwordOf(person)).isEqualTo("Neu-pass1");

        Response again = reset("Other-pass2", code, captcha(), ANSWER);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.code()).isEqualTo("RESET_CODE_USED");
        assertThat(again.rule()).isEqualTo("R-AUTH-3");
        assertThat(again.json().path("detail").asString()).contains("已使用");
        assertThat(KEYCLOAK.passwordOf(person)).isEqualTo("Neu-pass1");
    }

    @Test
    @DisplayName("R-AUTH-3 R-OPS-1 issuing a code publishes ResetCodeIssued: the person's orgs, who issued it and until when; never the code")
    void issuedCodeIsPublished() {
        try (TopicReader memberEvents = new TopicReader(TestKafka.bootstrapServers(), Topics.MEMBER_EVENTS)) {
            Instant before = Instant.now();
            String code = issue(COMMITTEE_ADMIN);
            var published = memberEvents.await(record -> record.key().equals(person)
                    && record.value().contains("ResetCodeIssued.v1"), Duration.ofSeconds(30)).orElseThrow();
            assertThat(published.value()).doesNotContain(code).doesNotContain(code.toLowerCase());
            ResetCodeIssued issued = EventJson.dataAs(EventJson.read(published.value()), ResetCodeIssued.class);
            assertThat(issued.idNumber()).isEqualTo(person);
            assertThat(issued.orgIds()).containsExactly(tree.branch());
            assertThat(issued.issuedBy()).isEqualTo(COMMITTEE_ADMIN);
            assertThat(issued.expiresAt()).isBetween(before.plus(Duration.ofHours(24)),
                    Instant.now().plus(Duration.ofHours(24)));
        }
    }

    @Test
    @DisplayName("R-AUTH-3 R-SCOPE-1 the admin of the person's org and of its parent issue codes; a higher admin, an "
            + "admin of another subtree and the person themself are refused")
    void whoIssues() {
        issue(BRANCH_ADMIN);
        issue(COMMITTEE_ADMIN);

        Response higher = api.post(PROVINCE_ADMIN, "/api/members/people/" + person + "/reset-code", null);
        assertThat(higher.status()).isEqualTo(403);
        assertThat(higher.code()).isEqualTo("RESET_CODE_NOT_YOUR_MEMBER");
        assertThat(higher.rule()).isEqualTo("R-AUTH-3");

        Response sibling = api.post(SIBLING_ADMIN, "/api/members/people/" + person + "/reset-code", null);
        assertThat(sibling.status()).as("outside the subtree: as if not there").isEqualTo(404);
        assertThat(sibling.code()).isEqualTo("PERSON_NOT_FOUND");
        assertThat(api.post(person, "/api/members/people/" + person + "/reset-code", null).status())
                .isEqualTo(403);
        assertThat(api.anonymous("POST", "/api/members/people/" + person + "/reset-code", null).status())
                .isEqualTo(401);
        assertThat(api.post(BRANCH_ADMIN, "/api/members/people/" + TestPeople.idNumber(LocalDate.of(2000, 1, 1))
                + "/reset-code", null).code()).isEqualTo("PERSON_NOT_FOUND");
    }

    @Test
    @DisplayName("R-AUTH-3 a new code replaces the old one: the old is refused, the new works")
    void newCodeReplacesOld() {
        String old = issue(BRANCH_ADMIN);
        String fresh = issue(COMMITTEE_ADMIN);

        assertThat(reset("Neu-pass1", old, captcha(), ANSWER).code()).isEqualTo("RESET_CODE_WRONG");
        assertThat(reset("Neu-pass1", fresh, captcha(), ANSWER).status()).isEqualTo(204);
    }

    @Test
    @DisplayName("R-AUTH-3 a code works for 24 hours after it was issued and not a second longer (issued at a "
            + "chosen instant)")
    void codeExpiresAfter24Hours() {
        Instant now = Instant.now();
        String almost = codes.issue(BRANCH_ADMIN, person, now.minus(Duration.ofHours(24)).plusSeconds(60)).resetCode();
        assertThat(reset("Neu-pass1", almost, captcha(), ANSWER).status()).isEqualTo(204);

        String expired = codes.issue(BRANCH_ADMIN, person, now.minus(Duration.ofHours(24))).resetCode();
        Response refused = reset("Neu-pass2", expired, captcha(), ANSWER);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("RESET_CODE_EXPIRED");
        assertThat(refused.json().path("detail").asString()).contains("已过期");
    }

    @Test
    @DisplayName("R-AUTH-3 a wrong captcha is refused before the code is looked at: the code stays usable, the "
            + "captcha is used up")
    void wrongCaptchaFirst() {
        String code = issue(BRANCH_ADMIN);
        String captchaId = captcha();

        Response wrong = reset("Neu-pass1", code, captchaId, "ZZZZ");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.code()).isEqualTo("CAPTCHA_WRONG");
        assertThat(KEYCLOAK.passwordOf(person)).isNull();

        assertThat(reset("Neu-pass1", code, captchaId, ANSWER).code()).as("one guess per captcha")
                .isEqualTo("CAPTCHA_EXPIRED");
        assertThat(reset("Neu-pass1", "WRONGCODE1", "not-a-captcha", ANSWER).code()).isEqualTo("CAPTCHA_EXPIRED");
        assertThat(reset("Neu-pass1", code, captcha(), ANSWER).status()).isEqualTo(204);
    }

    @Test
    @DisplayName("R-AUTH-3 a captcha lives five minutes (checked at a chosen instant)")
    void captchaExpires() {
        String late = captcha();
        assertThatThrownBy(() -> captchas.requireSolved(late, ANSWER, Instant.now().plus(Duration.ofMinutes(5))
                .plusSeconds(1)))
                .isInstanceOfSatisfying(ProblemException.class, refused ->
                        assertThat(refused.code()).isEqualTo("CAPTCHA_EXPIRED"));
        captchas.requireSolved(captcha(), ANSWER, Instant.now().plus(Duration.ofMinutes(4)));
    }

    @Test
    @DisplayName("R-AUTH-3 a wrong code is refused and uses up nothing; a password Keycloak's policy refuses "
            + "comes back in Chinese and leaves the code usable")
    void refusalsConsumeNothing() {
        String code = issue(BRANCH_ADMIN);

        Response wrongCode = reset("Neu-pass1", "23456789AB", captcha(), ANSWER);
        assertThat(wrongCode.code()).isEqualTo("RESET_CODE_WRONG");

        Response weak = reset("short1", code, captcha(), ANSWER);
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.code()).isEqualTo("PASSWORD_POLICY");
        assertThat(weak.rule()).isEqualTo("R-AUTH-3");
        assertThat(weak.json().path("detail").asString()).isEqualTo("新密码长度至少为8位");

        assertThat(reset("Neu-pass1", code, captcha(), ANSWER).status()).isEqualTo(204);
    }

    @Test
    @DisplayName("R-AUTH-3 a deleted person's code opens nothing; a person without an account is told so")
    void deletedOrWithoutAccount() {
        String code = issue(BRANCH_ADMIN);
        jdbc.sql("update person set deleted_at = now() where id_number = ?").param(person).update();
        assertThat(reset("Neu-pass1", code, captcha(), ANSWER).code()).isEqualTo("RESET_CODE_WRONG");

        String other = new TestPeople(jdbc).member(new TreeReplica(jdbc)
                .standard(PROVINCE_ADMIN, COMMITTEE_ADMIN, BRANCH_ADMIN, SIBLING_ADMIN).branch(),
                LocalDate.of(2003, 3, 3), "共青团员");
        person = other; // no account in Keycloak
        String otherCode = issue(BRANCH_ADMIN);
        assertThat(reset("Neu-pass1", otherCode, captcha(), ANSWER).code()).isEqualTo("ACCOUNT_NOT_FOUND");
        assertThat(reset("Neu-pass1", otherCode, captcha(), ANSWER).code()).as("still unused")
                .isEqualTo("ACCOUNT_NOT_FOUND");
    }

    @Test
    @DisplayName("R-AUTH-3 the captcha is a PNG image, asked for without logging in")
    void captchaIsAPng() {
        Response captcha = api.anonymous("POST", "/api/accounts/captcha", null);
        String image = captcha.json().path("image").asString();
        assertThat(image).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(image.substring("data:image/png;base64,".length()));
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(captcha.json().path("expiresAt").asString()).isNotBlank();
    }
}
