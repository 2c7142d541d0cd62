package cn.league.gateway.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The web console (管理中心, module {@code console}) is the gateway's page: {@code /} answers its
 * {@code index.html} (behind the browser login, see GatewaySecurity), {@code /account} its public account page, always revalidated so a new build shows at
 * once; its hashed bundles under {@code /assets/} are served by the static resource handler and may be cached.
 * The console routes with the URL's fragment ({@code /#/transfers}), so no other path needs a fallback.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleHome {

    static final Resource INDEX = new ClassPathResource("static/index.html");
    /** 忘记密码, 管理员注册 and 团员注册 for people without a login, linked from Keycloak's login page (public). */
    static final Resource ACCOUNT = new ClassPathResource("static/account.html");
    static final String ACCOUNT_PATH = "/account";

    @Bean
    RouterFunction<ServerResponse> console() {
        return RouterFunctions.route(RequestPredicates.GET("/"), request -> page(INDEX))
                .andRoute(RequestPredicates.GET(ACCOUNT_PATH), request -> page(ACCOUNT));
    }

    private static Mono<ServerResponse> page(Resource page) {
        return page.exists()
                ? ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache())
                        .bodyValue(page)
                : ServerResponse.notFound().build();
    }
}
