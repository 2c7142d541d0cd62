package cn.league.gateway;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway starts and sends browsers to the login while Keycloak is not there: nothing is fetched at startup. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeycloakDownTest {

    static final String KEYCLOAK = Downstream.closedPort();

    @DynamicPropertySource
    static void keycloakIsDown(DynamicPropertyRegistry registry) {
        registry.add("league.keycloak.url", () -> KEYCLOAK);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void startsHealthyAndStillRedirectsToTheLogin() {
        Http http = new Http(port);

        assertThat(new Http(managementPort).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        HttpResponse<String> login = http.get("/oauth2/authorization/keycloak", "Accept", "text/html");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).startsWith(KEYCLOAK + "/realms/league/protocol/openid-connect/auth"));
    }
}
