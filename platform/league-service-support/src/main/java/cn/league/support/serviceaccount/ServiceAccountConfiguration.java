package cn.league.support.serviceaccount;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * {@link ServiceAccountTokens} for the services that call others as themselves: those whose settings name the client
 * registration {@code service-account} (Spring Boot then provides the registrations and the authorized-client store).
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "spring.security.oauth2.client.registration." + ServiceAccountTokens.REGISTRATION,
        name = "client-id")
public class ServiceAccountConfiguration {

    @Bean
    ServiceAccountTokens serviceAccountTokens(ClientRegistrationRepository registrations,
                                              OAuth2AuthorizedClientService authorizedClients,
                                              @Value("${spring.application.name}") String service) {
        return new ServiceAccountTokens(registrations, authorizedClients, service);
    }
}
