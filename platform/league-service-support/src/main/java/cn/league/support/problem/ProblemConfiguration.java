package cn.league.support.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Registers {@link ProblemResponses} in every service. */
@AutoConfiguration
@Import(ProblemResponses.class)
public class ProblemConfiguration {
}
