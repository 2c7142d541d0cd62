package cn.league.support.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code league-service-defaults.properties} behind everything else, so each service starts
 * with the same conventions (virtual threads, probes, JSON logs, local infrastructure addresses)
 * and any of them can still be overridden by the service, the environment or the command line.
 */
public class LeagueServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "league-service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> defaults : new PropertiesPropertySourceLoader()
                    .load("leagueServiceDefaults", new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(defaults);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
