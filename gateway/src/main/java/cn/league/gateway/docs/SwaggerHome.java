package cn.league.gateway.docs;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The gateway's own page is the services' API documentation: {@code /} leads there (after login). */
@Configuration(proxyBeanMethods = false)
class SwaggerHome {

    @Bean
    RouterFunction<ServerResponse> home() {
        return RouterFunctions.route(RequestPredicates.GET("/"),
                request -> ServerResponse.seeOther(URI.create("/swagger-ui.html")).build());
    }
}
