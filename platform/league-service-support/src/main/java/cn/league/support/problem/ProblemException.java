package cn.league.support.problem;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on: answered as {@code application/problem+json} with a stable
 * {@code code}, the violated DOMAIN.md {@code rule} (or null) and the Chinese message users see.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String rule;

    public ProblemException(HttpStatus status, String code, String rule, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.rule = rule;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String rule() {
        return rule;
    }

    public String detail() {
        return getMessage();
    }
}
