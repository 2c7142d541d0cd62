package cn.league.test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at the real test infrastructure: PostgreSQL ({@link TestPostgres},
 * a database named after the service's {@code league.database}), Kafka ({@link TestKafka}) and the
 * token issuer ({@link TestTokens}). Each part starts on first use only. The values sit below the
 * test's own properties, so a test can still point somewhere else (e.g. at a stopped broker).
 */
public class LeagueTestInfrastructure implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableEnvironment environment = context.getEnvironment();
            MutablePropertySources sources = environment.getPropertySources();
            InfrastructureProperties infrastructure = new InfrastructureProperties(environment);
            if (sources.contains(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addBefore(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, infrastructure);
            } else {
                sources.addLast(infrastructure);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }

    /** Resolves each value when first read, so a test that never touches Kafka never starts it. */
    private static final class InfrastructureProperties extends EnumerablePropertySource<Object> {

        private final Map<String, Function<ConfigurableEnvironment, String>> values = Map.of(
                "spring.datasource.url",
                env -> TestPostgres.get().jdbcUrl(env.getProperty("league.database", "league_test")),
                "spring.datasource.username", env -> TestPostgres.get().user(),
                "spring.datasource.password", env -> TestPostgres.get().password(),
                "spring.kafka.bootstrap-servers", env -> TestKafka.bootstrapServers(),
                "league.keycloak.url", env -> TestTokens.get().keycloakUrl());

        private final ConfigurableEnvironment environment;

        InfrastructureProperties(ConfigurableEnvironment environment) {
            super("leagueTestInfrastructure", new Object());
            this.environment = environment;
        }

        @Override
        public String[] getPropertyNames() {
            return values.keySet().toArray(String[]::new);
        }

        @Override
        public Object getProperty(String name) {
            Function<ConfigurableEnvironment, String> value = values.get(name);
            return value == null ? null : value.apply(environment);
        }
    }
}
