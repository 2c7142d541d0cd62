package cn.league.support.problem;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two handlers of Spring's own exceptions would answer in an order nobody chose, and Boot's lacks the
 * league's code; there is one, the league's, even with Boot's problem details switched on.
 */
@SpringBootTest(properties = "spring.mvc.problemdetails.enabled=true")
class OneProblemHandlerTest {

    @Autowired
    ApplicationContext context;

    @Test
    void onlyTheLeaguesHandlerIsRegistered() {
        assertThat(context.getBeansOfType(ResponseEntityExceptionHandler.class).values())
                .singleElement().isInstanceOf(ProblemResponses.class);
    }
}
