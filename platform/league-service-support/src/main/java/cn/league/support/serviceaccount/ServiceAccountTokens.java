package cn.league.support.serviceaccount;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A service acting as itself, not for a person: the access token of its confidential Keycloak client's service
 * account (client-credentials grant, the client registration {@value #REGISTRATION}), for other services'
 * {@code /internal/**} (each endpoint its own realm role) or Keycloak's admin API. Every service fetches it this one
 * way, through Spring Security's OAuth2 client manager, which keeps the token and fetches a new one a minute before
 * it expires; {@link #forget()} after a 401 makes the next call fetch a new one at once.
 */
public class ServiceAccountTokens {

    /** {@code spring.security.oauth2.client.registration.service-account.*} in the service's settings. */
    public static final String REGISTRATION = "service-account";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final OAuth2AuthorizedClientService authorizedClients;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final OAuth2AuthorizeRequest request;

    /**
     * @param principal the service's name: the token belongs to the service, never to the person whose request
     *                  caused the call, so it is kept under this one fixed principal
     */
    public ServiceAccountTokens(ClientRegistrationRepository registrations,
                                OAuth2AuthorizedClientService authorizedClients, String principal) {
        this.authorizedClients = authorizedClients;
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        RestClientClientCredentialsTokenResponseClient tokenEndpoint = new RestClientClientCredentialsTokenResponseClient();
        tokenEndpoint.setRestClient(tokenEndpointClient());
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(grant -> grant.accessTokenResponseClient(tokenEndpoint)).build());
        this.request = OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(principal).build();
    }

    /** The current token, fetched when there is none or it is about to expire. */
    public String value() throws IOException {
        OAuth2AuthorizedClient client;
        try {
            client = manager.authorize(request);
        } catch (OAuth2AuthorizationException | RestClientException refused) {
            throw new IOException("no service-account token from Keycloak: " + refused.getMessage(), refused);
        }
        if (client == null) {
            throw new IOException("no service-account token from Keycloak for " + REGISTRATION);
        }
        return client.getAccessToken().getTokenValue();
    }

    /** Drops the kept token (the peer answered 401), so the next call fetches a new one. */
    public void forget() {
        authorizedClients.removeAuthorizedClient(REGISTRATION, request.getPrincipal().getName());
    }

    /** Spring's default token client, with time limits: an unanswered token endpoint must not hang a caller. */
    private static RestClient tokenEndpointClient() {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
        requests.setReadTimeout(READ_TIMEOUT);
        return RestClient.builder()
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }
}
