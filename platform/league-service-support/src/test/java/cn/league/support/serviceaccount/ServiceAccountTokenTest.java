package cn.league.support.serviceaccount;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import cn.league.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the test issuer's token endpoint, which answers the client-credentials grant as Keycloak does. */
class ServiceAccountTokenTest {

    @Test
    void fetchesTheServiceAccountsTokenOnceAndAgainAfterForget() throws Exception {
        ServiceAccountToken token = new ServiceAccountToken(TestTokens.get().keycloakUrl(), "league",
                "league-import-service", "dev-secret");

        String first = token.value();
        String claims = new String(Base64.getUrlDecoder().decode(first.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("service-account-league-import-service").contains("league-members-bulk")
                .contains("league-member-service");
        assertThat(token.value()).as("kept while valid").isSameAs(first);
        token.forget();
        assertThat(token.value()).isNotSameAs(first);
    }
}
