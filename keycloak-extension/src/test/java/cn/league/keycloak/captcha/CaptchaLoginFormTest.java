package cn.league.keycloak.captcha;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaptchaLoginFormTest {

    @Test
    void theAccountLinksLeadToTheGatewayTheLoginCameFrom() {
        assertThat(CaptchaLoginForm.origin("http://127.0.0.1:14080/login/oauth2/code/keycloak"))
                .isEqualTo("http://127.0.0.1:14080");
        assertThat(CaptchaLoginForm.origin("https://zhtj.example.cn/login/oauth2/code/keycloak?x=1"))
                .isEqualTo("https://zhtj.example.cn");
    }

    @Test
    void noLinksWithoutAnAbsoluteWebRedirect() {
        assertThat(CaptchaLoginForm.origin(null)).isNull();
        assertThat(CaptchaLoginForm.origin("/relative")).isNull();
        assertThat(CaptchaLoginForm.origin("urn:ietf:wg:oauth:2.0:oob")).isNull();
        assertThat(CaptchaLoginForm.origin("http://[bad")).isNull();
    }
}
