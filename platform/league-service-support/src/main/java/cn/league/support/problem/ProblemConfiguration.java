package cn.league.support.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Registers {@link ProblemResponses} in every service, before Boot's own problem-details handler
 * would be, so that Boot's backs off and every error carries the league's code.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@Import(ProblemResponses.class)
public class ProblemConfiguration {
}
