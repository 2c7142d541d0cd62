package cn.league.gateway.fallback;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.league.gateway.problem.Problem;

/** Where a route's circuit breaker sends a call its service could not answer (down, slow or circuit open). */
@Hidden
@RestController
class FallbackController {

    private static final Log log = LogFactory.getLog(FallbackController.class);

    @RequestMapping("/fallback/{service}")
    ResponseEntity<Map<String, Object>> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        // no path in the log: paths and queries can carry ID numbers
        log.warn(service + " unavailable: " + cause);
        Problem problem = Problem.serviceUnavailable(service);
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.body());
    }
}
