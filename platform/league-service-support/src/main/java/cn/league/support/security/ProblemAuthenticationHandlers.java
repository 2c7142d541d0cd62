package cn.league.support.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import cn.league.support.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 from the security filters, in the same problem+json form as the controllers' errors. */
final class ProblemAuthenticationHandlers {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private ProblemAuthenticationHandlers() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, failure) -> write(response, Problems.of(HttpStatus.UNAUTHORIZED,
                Problems.UNAUTHENTICATED, null, "请先登录"), "Bearer");
    }

    static AccessDeniedHandler denied() {
        return (request, response, failure) -> write(response, Problems.of(HttpStatus.FORBIDDEN,
                Problems.ACCESS_DENIED, null, "没有权限执行此操作"), null);
    }

    static void write(HttpServletResponse response, ProblemDetail problem, String challenge)
            throws IOException {
        response.setStatus(problem.getStatus());
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
