package cn.league.support.defaults;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.Profiles;

/**
 * Outside the dev profile a service starts only when every address and secret it needs was given: the common ones
 * ({@code league.required-settings.common}: Keycloak, PostgreSQL, Kafka) and its own
 * ({@code league.required-settings}). A missing one stops the start with one message naming all of them and the
 * environment variable each is read from, instead of a production service quietly using a developer's defaults or
 * failing later on the first that happens to be used.
 */
public class RequiredSettings implements EnvironmentPostProcessor, Ordered {

    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z0-9_]+)(:[^}]*)?}$");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of(LeagueServiceDefaults.DEV_PROFILE))) {
            return;
        }
        List<String> missing = missing(environment);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("%s cannot start: outside the dev profile these settings have no default "
                    .formatted(environment.getProperty("spring.application.name", "the service"))
                    + "and must be given: " + String.join(", ", missing)
                    + " (./league up and the tests run with the dev profile, which sets local ones)");
        }
    }

    /** The required settings that are absent or blank, each with the environment variable it is read from. */
    static List<String> missing(ConfigurableEnvironment environment) {
        Set<String> keys = new LinkedHashSet<>();
        for (String list : List.of("league.required-settings.common", "league.required-settings")) {
            for (String key : environment.getProperty(list, "").split(",")) {
                if (!key.isBlank()) {
                    keys.add(key.strip());
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            String value;
            try {
                value = environment.getProperty(key);
            } catch (IllegalArgumentException unresolvable) {
                value = null; // a placeholder with nothing behind it
            }
            if (value == null || value.isBlank()) {
                missing.add(key + " (" + variableOf(environment, key) + ")");
            }
        }
        return missing;
    }

    /** The variable a setting is read from: the one its placeholder names, else Spring's form of the key. */
    private static String variableOf(ConfigurableEnvironment environment, String key) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source.getProperty(key) instanceof CharSequence raw) {
                Matcher placeholder = PLACEHOLDER.matcher(raw.toString().strip());
                if (placeholder.matches()) {
                    return placeholder.group(1);
                }
                break;
            }
        }
        return key.toUpperCase().replace('.', '_').replace("-", "");
    }

    /** Last: after the service's files and the league defaults. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
