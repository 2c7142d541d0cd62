package cn.league.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.league.contracts.ProblemTitles;

/**
 * An RFC 9457 problem the gateway itself answers with, in the league's form: a stable {@code code},
 * {@code type} = {@code urn:league:problem:<code>}, the Chinese {@code title} and {@code detail}.
 */
public record Problem(HttpStatus status, String code, String detail, Map<String, Object> extra) {

    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String ACCESS_DENIED = "ACCESS_DENIED";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String CSRF_TOKEN_MISSING = "CSRF_TOKEN_MISSING";
    public static final String CSRF_TOKEN_INVALID = "CSRF_TOKEN_INVALID";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Problem {
        extra = Map.copyOf(extra);
    }

    public static Problem unauthenticated() {
        return new Problem(HttpStatus.UNAUTHORIZED, UNAUTHENTICATED, "请先登录", Map.of());
    }

    public static Problem accessDenied() {
        return new Problem(HttpStatus.FORBIDDEN, ACCESS_DENIED, "没有权限执行此操作", Map.of());
    }

    /** A write with the session cookie but without the X-XSRF-TOKEN header (the XSRF-TOKEN cookie's value). */
    public static Problem csrfTokenMissing() {
        return new Problem(HttpStatus.FORBIDDEN, CSRF_TOKEN_MISSING,
                "请求缺少防伪令牌（X-XSRF-TOKEN），无法确认是本页面发出的操作，请刷新页面后重试", Map.of());
    }

    /** A write whose X-XSRF-TOKEN is not the session's (an old page, another tab after logging in again). */
    public static Problem csrfTokenInvalid() {
        return new Problem(HttpStatus.FORBIDDEN, CSRF_TOKEN_INVALID, "防伪令牌已失效，请刷新页面后重试", Map.of());
    }

    public static Problem notFound() {
        return new Problem(HttpStatus.NOT_FOUND, NOT_FOUND, "请求的资源不存在", Map.of());
    }

    public static Problem rateLimited() {
        return new Problem(HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED, "请求过于频繁,请稍后再试", Map.of());
    }

    public static Problem serviceUnavailable(String service) {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE, "服务暂时不可用,请稍后再试",
                service == null ? Map.of() : Map.of("service", service));
    }

    /** The document, members in the order RFC 9457 lists them. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:league:problem:" + code);
        body.put("title", ProblemTitles.of(status.value()));
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("code", code);
        body.putAll(extra);
        return body;
    }

    /** Writes the problem as the whole response; for filters and handlers outside the controllers. */
    public Mono<Void> writeTo(ServerHttpResponse response) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(JSON.writeValueAsBytes(body()));
        return response.writeWith(Mono.just(buffer));
    }
}
