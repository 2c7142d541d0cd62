package cn.league.gateway.security;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;

/**
 * The gateway as Keycloak's client {@code league-gateway}. The registration comes from
 * {@code spring.security.oauth2.client.*} without {@code issuer-uri} (that would make startup fetch
 * Keycloak's discovery document); the two things discovery would have given are added here: the
 * issuer the ID token must name, and the end-session endpoint for logout.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class KeycloakClient {

    static final String REGISTRATION = "keycloak";

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties,
            @Value("${league.keycloak.issuer}") String issuer,
            @Value("${league.keycloak.public-url}") String publicUrl) {
        List<ClientRegistration> registrations = new OAuth2ClientPropertiesMapper(properties)
                .asClientRegistrations().values().stream()
                .map(registration -> REGISTRATION.equals(registration.getRegistrationId())
                        ? ClientRegistration.withClientRegistration(registration)
                                .issuerUri(issuer)
                                .providerConfigurationMetadata(Map.of("end_session_endpoint",
                                        publicUrl + "/realms/league/protocol/openid-connect/logout"))
                                .build()
                        : registration)
                .toList();
        return new InMemoryReactiveClientRegistrationRepository(registrations);
    }

    /** The tokens of a browser login live in its WebSession and go away with it. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Used by the TokenRelay filter: hands out the session's access token, refreshing it when it expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }
}
