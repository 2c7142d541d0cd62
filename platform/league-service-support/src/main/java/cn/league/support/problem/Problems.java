package cn.league.support.problem;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import cn.league.contracts.ProblemTitles;

/** Builds the league's problem documents: every one has a stable code, a Chinese title and a Chinese detail. */
public final class Problems {

    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String ACCESS_DENIED = "ACCESS_DENIED";
    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(ProblemTitles.of(status.value()));
        problem.setType(URI.create("urn:league:problem:" + code));
        problem.setProperty("code", code);
        if (rule != null) {
            problem.setProperty("rule", rule);
        }
        return problem;
    }

    public static ProblemDetail of(ProblemException refusal) {
        return of(refusal.status(), refusal.code(), refusal.rule(), refusal.detail());
    }
}
