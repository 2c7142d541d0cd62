package cn.league.support.security;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An internal endpoint of the test service, to check who may reach {@code /internal/**}. */
@RestController
class InternalPing {

    @GetMapping("/internal/test/ping")
    String ping() {
        return "pong";
    }
}
