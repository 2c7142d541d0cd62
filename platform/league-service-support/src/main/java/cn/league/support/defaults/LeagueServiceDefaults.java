package cn.league.support.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code league-service-defaults.properties} behind everything else, so each service starts
 * with the same conventions (virtual threads, probes, JSON logs), and in the dev profile also
 * {@code league-service-dev.properties} (the local infrastructure's addresses and credentials); any
 * of them can still be overridden by the service, the environment or the command line.
 */
public class LeagueServiceDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "league-service-defaults.properties";
    static final String DEV_RESOURCE = "league-service-dev.properties";
    /** The profile of ./league up, docker-compose.yml and the tests. */
    public static final String DEV_PROFILE = "dev";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of(DEV_PROFILE))) {
            addLast(environment, "leagueServiceDev", DEV_RESOURCE);
        }
        addLast(environment, "leagueServiceDefaults", RESOURCE);
    }

    private static void addLast(ConfigurableEnvironment environment, String name, String resource) {
        try {
            for (PropertySource<?> defaults : new PropertiesPropertySourceLoader()
                    .load(name, new ClassPathResource(resource))) {
                environment.getPropertySources().addLast(defaults);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** After the service's own configuration files are read (and their profiles known), before RequiredSettings. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
