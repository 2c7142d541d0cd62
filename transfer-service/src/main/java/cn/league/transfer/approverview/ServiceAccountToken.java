package cn.league.transfer.approverview;

import feign.RequestInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Feign configuration of {@link MemberCardClient}: every call carries this service's own token, from Keycloak's
 * client-credentials grant (realm role {@code league-transfer-cards}), kept until it expires. The token belongs to the
 * service, not to the approver whose request caused the call, so it is asked for under one fixed principal.
 */
class ServiceAccountToken {

    /** The client registration ({@code spring.security.oauth2.client.registration.league-internal.*}). */
    static final String REGISTRATION = "league-internal";

    @Bean
    RequestInterceptor bearerOfServiceAccount(ClientRegistrationRepository registrations,
                                           OAuth2AuthorizedClientService authorizedClients) {
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                .principal("transfer-service").build();
        return template -> {
            OAuth2AuthorizedClient client = manager.authorize(request);
            if (client == null) {
                throw new IllegalStateException("no service-account token from Keycloak");
            }
            template.header(HttpHeaders.AUTHORIZATION, "Bearer " + client.getAccessToken().getTokenValue());
        };
    }
}
