package cn.league.gateway.problem;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors raised while the gateway handles a request (unknown path, wrong method, a route that fails
 * outside its circuit breaker) as league problems instead of Boot's default error JSON. Runs before
 * Boot's handler ({@code @Order(-1)}).
 */
@Component
@Order(-2)
class GatewayErrors implements WebExceptionHandler {

    private static final Log log = LogFactory.getLog(GatewayErrors.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpStatusCode status = failure instanceof ResponseStatusException refusal
                ? refusal.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.warn("request failed with " + status + ": " + failure); // no path: it can carry ID numbers
        }
        return problemFor(status).writeTo(exchange.getResponse());
    }

    private static Problem problemFor(HttpStatusCode status) {
        return switch (HttpStatus.valueOf(status.value())) {
            case NOT_FOUND -> Problem.notFound();
            case UNAUTHORIZED -> Problem.unauthenticated();
            case FORBIDDEN -> Problem.accessDenied();
            case TOO_MANY_REQUESTS -> Problem.rateLimited();
            case SERVICE_UNAVAILABLE, BAD_GATEWAY, GATEWAY_TIMEOUT -> Problem.serviceUnavailable(null);
            case METHOD_NOT_ALLOWED -> new Problem(HttpStatus.METHOD_NOT_ALLOWED, Problem.METHOD_NOT_ALLOWED,
                    "不支持该请求方法", Map.of());
            case BAD_REQUEST -> new Problem(HttpStatus.BAD_REQUEST, Problem.BAD_REQUEST, "请求格式不正确", Map.of());
            default -> status.is4xxClientError()
                    ? new Problem(HttpStatus.valueOf(status.value()), Problem.BAD_REQUEST, "请求格式不正确", Map.of())
                    : new Problem(HttpStatus.INTERNAL_SERVER_ERROR, Problem.INTERNAL_ERROR, "服务器内部错误,请稍后再试",
                            Map.of());
        };
    }
}
