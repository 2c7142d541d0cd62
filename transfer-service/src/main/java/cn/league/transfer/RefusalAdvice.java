package cn.league.transfer;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.league.support.problem.Problems;

/** Answers the domain's refusals as problem+json with their code, rule and Chinese detail. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalAdvice {

    @ExceptionHandler(TransferRefusal.class)
    ResponseEntity<ProblemDetail> refused(TransferRefusal refusal) {
        HttpStatus status = switch (refusal.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ProblemDetail problem = Problems.of(status, refusal.code(), refusal.rule(), refusal.detail());
        refusal.properties().forEach(problem::setProperty);
        return ResponseEntity.status(status).body(problem);
    }
}
