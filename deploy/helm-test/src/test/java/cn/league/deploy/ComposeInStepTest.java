package cn.league.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml and the chart configure each app with the same environment variable names: a setting added to
 * one and forgotten in the other fails here. (The dev values render every component, the stand-in centre too.)
 */
class ComposeInStepTest {

    @Test
    void everyAppHasTheSameEnvironmentNamesInComposeAndInTheChart() {
        Map<String, Set<String>> compose = composeEnvironments();
        Map<String, Set<String>> chart = chartEnvironments(Chart.render(Chart.DEV));

        assertThat(compose).as("compose apps (services with a build) and chart components").isNotEmpty();
        assertThat(chart.keySet()).containsExactlyInAnyOrderElementsOf(compose.keySet());
        chart.forEach((component, names) -> assertThat(names)
                .as("environment names of %s: chart (left) vs docker-compose.yml", component)
                .containsExactlyInAnyOrderElementsOf(compose.get(component)));
    }

    @Test
    void composeGivesEachAppTheAddressesAndSecretsItReadsFromItsEnvironment() {
        // compose carries the dev realm's secrets (it is the local run); the chart never carries any (ChartTest)
        Map<String, Set<String>> compose = composeEnvironments();
        assertThat(compose.get("transfer-service")).contains("LEAGUE_TRANSFER_CLIENT_SECRET");
        assertThat(compose.get("import-service")).contains("LEAGUE_MEMBER_SERVICE_URL", "LEAGUE_IMPORT_CLIENT_SECRET");
    }

    /**
     * Issue 16 item 3: outside the dev profile a service refuses to start without the settings it requires (its
     * {@code league.required-settings} and the common ones, RequiredSettings): the production chart and compose give
     * every one of them, under the variable the service reads.
     */
    @Test
    void theChartAndComposeGiveEverySettingAServiceRequires() throws Exception {
        Map<String, Set<String>> chart = chartEnvironments(Chart.render(Chart.PRODUCTION, Chart.PRODUCTION_SITE));
        Map<String, Set<String>> compose = composeEnvironments();
        java.util.Properties common = properties(
                "platform/league-service-support/src/main/resources/league-service-defaults.properties");
        for (String service : List.of("org-service", "member-service", "transfer-service", "import-service",
                "stats-service", "identity-verification-service")) {
            java.util.Properties own = properties(service + "/src/main/resources/application.properties");
            List<String> keys = new java.util.ArrayList<>();
            for (String list : List.of(common.getProperty("league.required-settings.common"),
                    own.getProperty("league.required-settings", ""))) {
                java.util.Arrays.stream(list.split(",")).map(String::strip).filter(key -> !key.isEmpty())
                        .forEach(keys::add);
            }
            for (String key : keys) {
                String[] variables = variablesOf(key, own.getProperty(key));
                assertThat(chart.get(service)).as("%s requires %s: the production chart sets %s", service, key,
                        List.of(variables)).containsAnyOf(variables);
                assertThat(compose.get(service)).as("%s requires %s: compose sets %s", service, key,
                        List.of(variables)).containsAnyOf(variables);
            }
        }
    }

    private static java.util.Properties properties(String file) throws java.io.IOException {
        java.util.Properties properties = new java.util.Properties();
        try (var reader = java.nio.file.Files.newBufferedReader(Chart.REPOSITORY.resolve(file))) {
            properties.load(reader);
        }
        return properties;
    }

    /** The variables a setting is read from: the one its placeholder names, else Spring's forms of the key. */
    private static String[] variablesOf(String key, String value) {
        if (value != null && value.strip().matches("\\$\\{[A-Z0-9_]+(:[^}]*)?}")) {
            return new String[] {value.strip().substring(2).split("[:}]")[0]};
        }
        String upper = key.toUpperCase().replace('.', '_');
        return new String[] {upper.replace("-", ""), upper.replace('-', '_')};
    }

    /** Compose service name to its environment names (merge keys resolved), for the apps built from this repository. */
    @SuppressWarnings("unchecked")
    static Map<String, Set<String>> composeEnvironments() {
        Map<String, Object> file = Chart.load(Chart.REPOSITORY.resolve("docker-compose.yml"));
        Map<String, Object> services = (Map<String, Object>) file.get("services");
        Map<String, Set<String>> environments = new TreeMap<>();
        services.forEach((name, value) -> {
            Map<String, Object> service = (Map<String, Object>) value;
            if (service.containsKey("build")) {
                Map<String, Object> environment = (Map<String, Object>) service.getOrDefault("environment", Map.of());
                environments.put(name, new TreeSet<>(environment.keySet()));
            }
        });
        return environments;
    }

    /** One compose service's environment, values as strings. */
    @SuppressWarnings("unchecked")
    static Map<String, String> composeEnvironment(String service) {
        Map<String, Object> services = (Map<String, Object>) Chart.load(Chart.REPOSITORY.resolve("docker-compose.yml"))
                .get("services");
        Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get(service))
                .get("environment");
        Map<String, String> values = new TreeMap<>();
        environment.forEach((name, value) -> values.put(name, String.valueOf(value)));
        return values;
    }

    /** Component name to the environment names its container gets: its ConfigMap's keys and its env entries. */
    static Map<String, Set<String>> chartEnvironments(List<HasMetadata> objects) {
        Map<String, Set<String>> environments = new TreeMap<>();
        for (HasMetadata object : objects) {
            if (object instanceof Deployment deployment) {
                String component = deployment.getSpec().getTemplate().getMetadata().getLabels().get(ManifestChecks.NAME_LABEL);
                var container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
                Set<String> names = new TreeSet<>();
                Optional.ofNullable(container.getEnv()).orElse(List.of()).forEach(env -> names.add(env.getName()));
                for (var from : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                    objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                            .filter(c -> c.getMetadata().getName().equals(from.getConfigMapRef().getName()))
                            .forEach(c -> names.addAll(c.getData().keySet()));
                }
                environments.put(component, names);
            }
        }
        return environments;
    }
}
