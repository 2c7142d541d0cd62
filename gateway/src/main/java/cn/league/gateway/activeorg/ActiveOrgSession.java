package cn.league.gateway.activeorg;

import java.util.Map;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import cn.league.contracts.ProblemTitles;

/**
 * 切换其他组织 (R-ADM-8) for browser sessions: the web client chooses its active org here
 * ({@code PUT /api/accounts/active-org}); the gateway keeps it in the session and sends it to every service as the
 * {@value #HEADER} header, where each service checks it against the person's real rights (403 if they hold no post
 * or admin rights there). API clients have no session: they send the header themselves. A header the browser sends
 * itself wins over the session's choice.
 */
@RestController
class ActiveOrgSession implements GlobalFilter, Ordered {

    static final String HEADER = "X-League-Org";
    static final String ATTRIBUTE = "league.activeOrg";

    @GetMapping("/api/accounts/active-org")
    Mono<ResponseEntity<Map<String, Object>>> current(ServerWebExchange exchange) {
        return bearerOnly(exchange).switchIfEmpty(exchange.getSession().map(session ->
                ResponseEntity.ok(activeOrgOf(session))));
    }

    @PutMapping("/api/accounts/active-org")
    Mono<ResponseEntity<Map<String, Object>>> choose(ServerWebExchange exchange, @RequestBody Choice choice) {
        return bearerOnly(exchange).switchIfEmpty(exchange.getSession().map(session -> {
            if (choice.orgId() == null || choice.orgId() <= 0) {
                return problem(HttpStatus.BAD_REQUEST, "ACTIVE_ORG_INVALID", "请选择要切换到的组织");
            }
            session.getAttributes().put(ATTRIBUTE, choice.orgId());
            return ResponseEntity.ok(activeOrgOf(session));
        }));
    }

    /** Back to acting with all of one's rights. */
    @DeleteMapping("/api/accounts/active-org")
    Mono<ResponseEntity<Map<String, Object>>> clear(ServerWebExchange exchange) {
        return bearerOnly(exchange).switchIfEmpty(exchange.getSession().map(session -> {
            session.getAttributes().remove(ATTRIBUTE);
            return ResponseEntity.noContent().build();
        }));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (exchange.getRequest().getHeaders().containsHeader(HEADER)
                || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        return exchange.getSession().flatMap(session -> {
            Object active = session.getAttributes().get(ATTRIBUTE);
            if (active == null) {
                return chain.filter(exchange);
            }
            return chain.filter(exchange.mutate()
                    .request(request -> request.header(HEADER, active.toString()))
                    .build());
        });
    }

    @Override
    public int getOrder() {
        return 0;
    }

    private static Map<String, Object> activeOrgOf(WebSession session) {
        Object active = session.getAttributes().get(ATTRIBUTE);
        return active == null ? Map.of() : Map.of("orgId", active);
    }

    /** A bearer caller has no session to keep a choice in. */
    private static Mono<ResponseEntity<Map<String, Object>>> bearerOnly(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, "ACTIVE_ORG_BY_HEADER",
                    "API 客户端请在每个请求的 " + HEADER + " 请求头中指定当前组织"));
        }
        return Mono.empty();
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .body(Map.of("type", "urn:league:problem:" + code, "title", ProblemTitles.of(status.value()),
                        "status", status.value(), "detail", detail, "code", code, "rule", "R-ADM-8"));
    }

    record Choice(Long orgId) {
    }
}
