package cn.league.support.defaults;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16 item 3: outside the dev profile no address or secret has a default, and a service started without them
 * stops at once with one message naming every missing setting and its environment variable.
 */
class RequiredSettingsTest {

    private static final String PRODUCTION = "--spring.profiles.active=production";

    @Test
    @DisplayName("a service started outside the dev profile without its addresses and secrets stops, naming them all")
    void aProductionStartWithoutSettingsStops() {
        SpringApplication service = new SpringApplication(Nothing.class);
        service.setWebApplicationType(WebApplicationType.NONE);
        service.setEnvironment(withoutTheMachinesSettings());

        assertThatThrownBy(() -> service.run(PRODUCTION, "--spring.application.name=sample-service",
                "--league.sample.secret=${LEAGUE_SAMPLE_SECRET:}", "--league.required-settings=league.sample.secret"))
                .hasMessageContaining("sample-service cannot start")
                .hasMessageContaining("league.keycloak.url (LEAGUE_KEYCLOAK_URL)")
                .hasMessageContaining("spring.datasource.url (SPRING_DATASOURCE_URL)")
                .hasMessageContaining("spring.datasource.username (SPRING_DATASOURCE_USERNAME)")
                .hasMessageContaining("spring.datasource.password (SPRING_DATASOURCE_PASSWORD)")
                .hasMessageContaining("spring.kafka.bootstrap-servers (SPRING_KAFKA_BOOTSTRAPSERVERS)")
                .hasMessageContaining("league.sample.secret (LEAGUE_SAMPLE_SECRET)");
    }

    @Test
    @DisplayName("the dev profile (./league up, the tests) has the local infrastructure's addresses and credentials")
    void theDevProfileHasLocalDefaults() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(LeagueServiceDefaults.DEV_PROFILE);
        environment.setProperty("league.database", "league_sample");
        new LeagueServiceDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThatCode(() -> new RequiredSettings().postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:15432/league_sample");
    }

    @Test
    @DisplayName("outside the dev profile the league defaults give no address or credential")
    void productionHasNoLocalDefaults() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("production");
        new LeagueServiceDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(RequiredSettings.missing(environment)).hasSize(5);
        for (String key : new String[] {"league.keycloak.url", "spring.datasource.url", "spring.datasource.password",
                "spring.kafka.bootstrap-servers"}) {
            assertThat(environment.getProperty(key)).as(key).isNull();
        }
    }

    @Test
    @DisplayName("everything given: the service starts outside the dev profile")
    void everythingGiven() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("production");
        environment.setProperty("league.required-settings", "league.sample.secret");
        environment.setProperty("league.sample.secret", "s3cret");
        environment.setProperty("league.keycloak.url", "https://sso.example.cn");
        environment.setProperty("spring.datasource.url", "jdbc:postgresql://db.example.cn/league_sample");
        environment.setProperty("spring.datasource.username", "league");
        environment.setProperty("spring.datasource.password", "p4ss");
        environment.setProperty("spring.kafka.bootstrap-servers", "kafka.example.cn:9093");
        new LeagueServiceDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(RequiredSettings.missing(environment)).isEmpty();
    }

    /**
     * A start's environment without this machine's variables and JVM properties: a machine that exports, say,
     * SPRING_KAFKA_BOOTSTRAP_SERVERS gives that setting, and the test is about what a bare start lacks.
     */
    private static StandardEnvironment withoutTheMachinesSettings() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return environment;
    }

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }
}
