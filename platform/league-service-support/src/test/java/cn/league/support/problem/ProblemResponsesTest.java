package cn.league.support.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.league.test.TestTokens;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import(ProblemResponsesTest.RefusingController.class)
class ProblemResponsesTest {

    @Autowired
    RestTestClient http;

    private final String token = "Bearer " + TestTokens.get().accessToken("110105199001014329");

    @Test
    void aRefusalCarriesItsCodeRuleAndChineseMessage() {
        http.get().uri("/api/test/refuse").header("Authorization", token).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:league:problem:ID_ALREADY_REGISTERED")
                .jsonPath("$.code").isEqualTo("ID_ALREADY_REGISTERED")
                .jsonPath("$.rule").isEqualTo("R-AUTH-5")
                .jsonPath("$.detail").isEqualTo("身份证已注册")
                .jsonPath("$.title").isEqualTo("与现有数据冲突")
                .jsonPath("$.status").isEqualTo(409);
    }

    @Test
    void anInvalidBodyNamesTheField() {
        http.post().uri("/api/test/echo").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).body("{\"name\":\"\"}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.title").isEqualTo("请求不正确")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .startsWith("请求参数不正确").contains("name"));
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        http.get().uri("/api/test/nothing-here").header("Authorization", token).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.title").isEqualTo("未找到")
                .jsonPath("$.detail").isEqualTo("请求的资源不存在");
    }

    @Test
    void anUnexpectedFailureHidesItsInsides() {
        http.get().uri("/api/test/crash").header("Authorization", token).exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INTERNAL_ERROR")
                .jsonPath("$.detail").isEqualTo("系统繁忙,请稍后再试")
                .jsonPath("$.title").isEqualTo("服务器内部错误")
                .jsonPath("$.trace").doesNotExist();
    }

    record Echo(@NotBlank String name) {
    }

    @TestConfiguration
    @RestController
    static class RefusingController {

        @GetMapping("/api/test/refuse")
        void refuse() {
            throw new ProblemException(HttpStatus.CONFLICT, "ID_ALREADY_REGISTERED", "R-AUTH-5", "身份证已注册");
        }

        @PostMapping("/api/test/echo")
        Echo echo(@Valid @RequestBody Echo echo) {
            return echo;
        }

        @GetMapping("/api/test/crash")
        void crash() {
            throw new IllegalStateException("database password is hunter2");
        }
    }
}
