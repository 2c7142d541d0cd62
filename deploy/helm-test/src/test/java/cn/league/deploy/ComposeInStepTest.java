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
