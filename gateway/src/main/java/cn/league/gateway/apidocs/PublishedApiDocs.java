package cn.league.gateway.apidocs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;

/**
 * The API documentation the gateway publishes: its Swagger UI ({@code /swagger-ui.html}, springdoc) lists each
 * service's public document, {@code /api/<service>/v3/api-docs}, routed to the service unchanged (its server is the
 * gateway, its security scheme the bearer token; cn.league.support.apidocs in the services). A service's other
 * documents, {@code /api/<service>/v3/api-docs/<group>}, hold its service-to-service endpoints ({@code /internal/**},
 * group {@code internal}): answered here as not found, never routed (router functions come before the routes).
 */
@Configuration(proxyBeanMethods = false)
class PublishedApiDocs {

    @Bean
    RouterFunction<ServerResponse> unpublishedApiDocs() {
        // not "/api/*/v3/api-docs/**", which matches the public document itself too
        return RouterFunctions.route(RequestPredicates.path("/api/*/v3/api-docs/*")
                        .or(RequestPredicates.path("/api/*/v3/api-docs/*/**")),
                request -> Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }
}
