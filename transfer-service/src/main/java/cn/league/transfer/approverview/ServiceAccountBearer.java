package cn.league.transfer.approverview;

import java.io.IOException;
import java.io.UncheckedIOException;

import feign.RequestInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

import cn.league.support.serviceaccount.ServiceAccountTokens;

/**
 * Feign configuration of {@link MemberCardClient}: every call carries this service's own token (Keycloak client
 * league-transfer-service, realm role {@code league-transfer-cards}) — the service's, not the approver's whose request
 * caused the call.
 */
class ServiceAccountBearer {

    @Bean
    RequestInterceptor bearerOfServiceAccount(ServiceAccountTokens tokens) {
        return template -> {
            try {
                template.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.value());
            } catch (IOException noToken) {
                throw new UncheckedIOException(noToken);
            }
        };
    }
}
