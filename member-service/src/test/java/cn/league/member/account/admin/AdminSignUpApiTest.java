package cn.league.member.account.admin;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.member.support.MemberApi;
import cn.league.member.support.TestPeople;
import cn.league.test.ServiceApi.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 管理员注册 without an account (R-ADM-3, R-AUTH-4): what member-service decides before it asks org-service to
 * redeem the code. The redemption itself runs against the real org-service in the system test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "league.accounts.captcha.test-answer=" + AdminSignUpApiTest.ANSWER,
        "league.accounts.org-service-url=http://127.0.0.1:9"})
class AdminSignUpApiTest {

    static final String ANSWER = "Q3RT";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    MemberApi api;

    @BeforeEach
    void api() {
        api = new MemberApi(port);
    }

    String captcha() {
        return api.anonymous("POST", "/api/accounts/captcha", null).json().path("captchaId").asString();
    }

    Response signUp(String idNumber, String captchaId, String answer) {
        return api.anonymous("POST", "/api/accounts/admin-registration", """
                {"idNumber":"%s","name":"新管理员","postTitle":"书记","code":"ABCDEFGHJKMN",
                 "captchaId":"%s","captchaAnswer":"%s"}""".formatted(idNumber, captchaId, answer));
    }

    @Test
    @DisplayName("R-ADM-3 a wrong captcha is refused before anything else is looked at")
    void captchaFirst() {
        Response wrong = signUp("not-an-id", captcha(), "XXXX");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.code()).isEqualTo("CAPTCHA_WRONG");
    }

    @Test
    @DisplayName("R-ID-4 R-ADM-3 the ID number is checked before the code is sent anywhere")
    void idNumberChecked() {
        Response invalid = signUp("110105199001014320", captcha(), ANSWER);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.rule()).isEqualTo("R-ID-4");
    }

    @Test
    @DisplayName("R-AUTH-5 R-ADM-7 someone already registered gets no second account: told to log in and register "
            + "as admin there")
    void existingPersonLogsInInstead() {
        String known = new TestPeople(jdbc).person(LocalDate.of(1990, 6, 6), "共青团员");
        Response refused = signUp(known.toLowerCase(), captcha(), ANSWER);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("ID_ALREADY_REGISTERED");
        assertThat(refused.rule()).isEqualTo("R-AUTH-5");
        assertThat(refused.json().path("detail").asString()).startsWith("身份证已注册").contains("登录后");
    }

    @Test
    @DisplayName("R-ADM-3 when org-service cannot be asked, the answer is 503 and nobody is made")
    void orgServiceUnreachable() {
        String newcomer = TestPeople.idNumber(LocalDate.of(1994, 4, 4));
        Response unavailable = signUp(newcomer, captcha(), ANSWER);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.code()).isEqualTo("ACCOUNTS_UNAVAILABLE");
        assertThat(jdbc.sql("select count(*) from person where id_number = ?").param(newcomer)
                .query(Integer.class).single()).isZero();
    }
}
