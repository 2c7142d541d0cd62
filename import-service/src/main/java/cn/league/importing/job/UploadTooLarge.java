package cn.league.importing.job;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import cn.league.support.problem.Problems;

/** An upload over the size limit, in the users' words (before the shared handler's generic 413). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

    private final DataSize limit;

    UploadTooLarge(@Value("${spring.servlet.multipart.max-file-size}") DataSize limit) {
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException exceeded) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", "R-IMP-1",
                        "文件超过 " + limit.toMegabytes() + " MB,请拆分为多个文件后上传"));
    }
}
