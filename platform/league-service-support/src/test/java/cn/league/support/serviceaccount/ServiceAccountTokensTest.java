package cn.league.support.serviceaccount;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import cn.league.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against the test issuer's token endpoint, which answers the client-credentials grant as Keycloak does. */
class ServiceAccountTokensTest {

    @Test
    void fetchesTheServiceAccountsTokenOnceAndAgainAfterForget() throws Exception {
        ServiceAccountTokens tokens = tokens(TestTokens.get().keycloakUrl() + "/realms/league/protocol/openid-connect/token");

        String first = tokens.value();
        String claims = new String(Base64.getUrlDecoder().decode(first.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("service-account-league-import-service").contains("league-members-bulk")
                .contains("league-member-service");
        assertThat(tokens.value()).as("kept while valid").isSameAs(first);
        tokens.forget();
        assertThat(tokens.value()).as("fetched again after a 401").isNotSameAs(first);
    }

    @Test
    void anUnreachableTokenEndpointIsATransportFailure() {
        ServiceAccountTokens tokens = tokens("http://127.0.0.1:9/realms/league/protocol/openid-connect/token");

        assertThatThrownBy(tokens::value).isInstanceOf(IOException.class)
                .hasMessageContaining("no service-account token");
    }

    private static ServiceAccountTokens tokens(String tokenUri) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(ServiceAccountTokens.REGISTRATION)
                .clientId("league-import-service").clientSecret("dev-secret")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(tokenUri).build();
        var registrations = new InMemoryClientRegistrationRepository(registration);
        return new ServiceAccountTokens(registrations, new InMemoryOAuth2AuthorizedClientService(registrations),
                "import-service");
    }
}
