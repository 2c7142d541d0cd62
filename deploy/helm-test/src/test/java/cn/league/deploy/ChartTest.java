package cn.league.deploy;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * issue 14: the chart lints and renders with the default, dev and production values, and what it renders passes
 * {@link ManifestChecks} (probes, resources, non-root read-only containers, autoscalers on real Deployments, Services
 * on real pods, no plaintext secret, pinned images, only the gateway open).
 */
class ChartTest {

    static final List<String> COMPONENTS = List.of("gateway", "org-service", "member-service", "transfer-service",
            "import-service", "stats-service", "identity-verification-service");
    /** The dev realm's client secrets: none may appear in anything the chart renders. */
    static final List<String> DEV_SECRETS = List.of("league-gateway-dev-secret", "league-transfer-service-dev-secret",
            "league-accounts-dev-secret", "league-import-service-dev-secret", "league-account-lookup-dev-secret",
            "league-identity-dev-secret", "centre-operator-dev");

    static Stream<Arguments> valueSets() {
        return Stream.of(
                Arguments.of("default", List.of()),
                Arguments.of("dev", List.of(Chart.DEV)),
                Arguments.of("production", List.of(Chart.PRODUCTION, Chart.PRODUCTION_SITE)));
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("valueSets")
    void lintsStrictly(String name, List<Path> values) {
        LintResult lint = Chart.lint(values.toArray(Path[]::new));
        assertThat(lint.isFailed()).as("helm lint --strict failed: %s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("valueSets")
    void rendersObjectsThatPassEveryCheck(String name, List<Path> values) {
        String yaml = Chart.template(values, Map.of());
        List<HasMetadata> objects = Chart.parse(yaml);

        assertThat(ManifestChecks.violations(objects)).isEmpty();
        assertThat(names(objects, Deployment.class)).containsAll(COMPONENTS.stream().map(c -> "league-" + c).toList());
        // one Service per Deployment, and the gateway grid's headless one
        assertThat(names(objects, Service.class)).containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                names(objects, Deployment.class).stream(), Stream.of("league-gateway-grid")).toList());
        assertThat(names(objects, PodDisruptionBudget.class)).containsExactlyInAnyOrderElementsOf(names(objects, Deployment.class));
        assertThat(names(objects, ConfigMap.class)).containsAll(names(objects, Deployment.class));
        assertThat(names(objects, Ingress.class)).containsExactly("league-gateway");
        assertThat(DEV_SECRETS).noneMatch(yaml::contains);
    }

    @Test
    void importAndStatsScaleOnCpuWithoutKeda() {
        List<HasMetadata> objects = Chart.render();
        assertThat(objects).filteredOn(GenericKubernetesResource.class::isInstance).isEmpty();
        assertThat(objects).filteredOn(HorizontalPodAutoscaler.class::isInstance).map(ManifestChecks::name)
                .containsExactlyInAnyOrder("league-import-service", "league-stats-service");
        for (HasMetadata hpa : objects.stream().filter(HorizontalPodAutoscaler.class::isInstance).toList()) {
            var metric = ((HorizontalPodAutoscaler) hpa).getSpec().getMetrics().getFirst();
            assertThat(metric.getResource().getName()).isEqualTo("cpu");
        }
        // the autoscaler owns the replica count: a rollout must not reset it
        assertThat(deployment(objects, "league-import-service").getSpec().getReplicas()).isNull();
        assertThat(deployment(objects, "league-org-service").getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void withKedaStatsScalesOnConsumerLagAndImportOnQueuedJobs() {
        List<HasMetadata> objects = Chart.render(Chart.PRODUCTION, Chart.PRODUCTION_SITE);
        assertThat(objects).filteredOn(HorizontalPodAutoscaler.class::isInstance).isEmpty();
        Map<String, GenericKubernetesResource> scaled = generic(objects, "ScaledObject");
        assertThat(scaled).containsOnlyKeys("league-import-service", "league-stats-service");
        assertThat(triggers(scaled.get("league-stats-service"))).extracting(t -> t.get("type"))
                .containsExactly("cpu", "kafka");
        Map<String, Object> kafka = triggers(scaled.get("league-stats-service")).get(1);
        assertThat(metadata(kafka)).containsEntry("consumerGroup", "stats-service-projection")
                .containsEntry("topic", "league.member.events");
        assertThat(triggers(scaled.get("league-import-service"))).extracting(t -> t.get("type"))
                .containsExactly("cpu", "postgresql");
        // KEDA's database password comes from the same existing Secret as the services'
        assertThat(generic(objects, "TriggerAuthentication")).containsOnlyKeys("league-import-service-postgresql");
        assertThat(ManifestChecks.violations(objects)).isEmpty();
    }

    @Test
    void theDevStandInCentreIsAComponentOnlyInDev() {
        List<HasMetadata> dev = Chart.render(Chart.DEV);
        assertThat(names(dev, Deployment.class)).contains("league-identity-centre");
        assertThat(config(dev, "league-identity-verification-service"))
                .containsEntry("LEAGUE_IDENTITY_CENTRE_URL", "http://league-identity-centre:8087");
        List<HasMetadata> production = Chart.render(Chart.PRODUCTION, Chart.PRODUCTION_SITE);
        assertThat(names(production, Deployment.class)).doesNotContain("league-identity-centre");
        assertThat(config(production, "league-identity-verification-service"))
                .containsEntry("LEAGUE_IDENTITY_CENTRE_URL", "https://nciic.example.cn");
    }

    @Test
    void servicesFindEachOtherAndTheInfrastructureByValues() {
        List<HasMetadata> objects = Chart.render(Chart.PRODUCTION, Chart.PRODUCTION_SITE);
        assertThat(config(objects, "league-member-service"))
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://pg.league.example.cn:5432/league_member?sslmode=verify-full")
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka-0.league.example.cn:9093,kafka-1.league.example.cn:9093,kafka-2.league.example.cn:9093")
                .containsEntry("LEAGUE_KEYCLOAK_URL", "http://keycloak.keycloak.svc:8080")
                .containsEntry("LEAGUE_KEYCLOAK_ISSUER", "https://auth.league.example.cn/realms/league")
                .containsEntry("LEAGUE_ACCOUNTS_ORG_SERVICE_URL", "http://league-org-service:8081")
                .containsEntry("SERVER_SHUTDOWN", "graceful");
        assertThat(config(objects, "league-gateway"))
                .containsEntry("LEAGUE_ROUTES_MEMBER", "http://league-member-service:8082")
                .containsEntry("LEAGUE_KEYCLOAK_PUBLIC_URL", "https://auth.league.example.cn");
        assertThat(config(objects, "league-import-service")).containsEntry("LEAGUE_MEMBER_SERVICE_URL", "http://league-member-service:8082");
        var gateway = deployment(objects, "league-gateway").getSpec().getTemplate().getSpec();
        // preStop + graceful shutdown fit in the grace period
        assertThat(gateway.getTerminationGracePeriodSeconds()).isGreaterThan(10 + 30);
        assertThat(gateway.getContainers().getFirst().getLifecycle().getPreStop().getSleep().getSeconds()).isEqualTo(10);
    }

    /**
     * Issue 16 item 5: the gateway replicas find each other through a headless Service (Kubernetes DNS, ready or not),
     * in a grid named after the release; only gateway pods reach the grid port; Actuator's probes and Prometheus use
     * the management port, which the public rule and the Ingress never open; forwarded headers are believed from the
     * configured proxies only; and no session affinity is needed any more.
     */
    @Test
    void gatewayReplicasShareAGridAndKeepActuatorOffThePublicPort() {
        List<HasMetadata> objects = Chart.render(Chart.PRODUCTION, Chart.PRODUCTION_SITE);
        Service grid = objects.stream().filter(Service.class::isInstance).map(Service.class::cast)
                .filter(service -> service.getMetadata().getName().equals("league-gateway-grid")).findFirst().orElseThrow();
        assertThat(grid.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(grid.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(grid.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", "gateway");
        assertThat(grid.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(5701);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("grid");
        });
        assertThat(config(objects, "league-gateway"))
                .containsEntry("LEAGUE_GATEWAY_GRID_KUBERNETES_SERVICE_DNS", "league-gateway-grid.league.svc.cluster.local")
                .containsEntry("LEAGUE_GATEWAY_GRID_CLUSTER_NAME", "league-gateway")
                .containsEntry("LEAGUE_GATEWAY_GRID_PORT", "5701")
                .containsEntry("MANAGEMENT_SERVER_PORT", "8180")
                .containsEntry("LEAGUE_GATEWAY_TRUSTED_PROXIES", "10.244.0.0/16");

        var container = deployment(objects, "league-gateway").getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(container.getPorts()).extracting(port -> port.getName() + ":" + port.getContainerPort())
                .containsExactly("http:8080", "management:8180", "grid:5701");
        for (var probe : List.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
        }
        assertThat(deployment(objects, "league-org-service").getSpec().getTemplate().getSpec().getContainers()
                .getFirst().getReadinessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
        Map<String, Object> monitor = generic(objects, "ServiceMonitor").get("league-gateway").getAdditionalProperties();
        assertThat(monitor.get("spec").toString()).contains("port=management").contains("path=/actuator/prometheus");

        NetworkPolicy policy = objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
                .filter(p -> p.getMetadata().getName().equals("league-gateway")).findFirst().orElseThrow();
        var rules = policy.getSpec().getIngress();
        var open = rules.stream().filter(rule -> rule.getFrom() == null || rule.getFrom().isEmpty()).toList();
        assertThat(open).as("rules open to anyone").singleElement().satisfies(rule -> assertThat(rule.getPorts())
                .extracting(port -> port.getPort().getStrVal()).containsExactly("http"));
        var gridRule = rules.stream().filter(rule -> rule.getPorts().stream()
                .anyMatch(port -> "grid".equals(port.getPort().getStrVal()))).toList();
        assertThat(gridRule).singleElement().satisfies(rule -> assertThat(rule.getFrom()).singleElement()
                .satisfies(peer -> assertThat(peer.getPodSelector().getMatchLabels())
                        .containsEntry("app.kubernetes.io/name", "gateway")));

        Ingress ingress = objects.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast).findFirst()
                .orElseThrow();
        assertThat(ingress.getMetadata().getAnnotations()).doesNotContainKey("nginx.ingress.kubernetes.io/affinity");
        assertThat(ingress.getSpec().getRules().getFirst().getHttp().getPaths())
                .allSatisfy(path -> assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http"));
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"postgresql.existingSecret", "keycloak.existingSecret", "identityCentre.existingSecret"})
    void productionRefusesToRenderWithoutTheNameOfAnExistingSecret(String setting) {
        assertThatThrownBy(() -> Chart.template(List.of(Chart.PRODUCTION, Chart.PRODUCTION_SITE), Map.of(setting, "")))
                .hasMessageContaining(setting).hasMessageContaining("is required");
    }

    @Test
    void productionValuesAloneDoNotRender() {
        assertThatThrownBy(() -> Chart.template(Chart.PRODUCTION)).hasMessageContaining("is required");
    }

    @Test
    void anUnpinnedImageIsRefused() {
        assertThatThrownBy(() -> Chart.template(List.of(), Map.of("image.tag", "latest")))
                .hasMessageContaining("image.tag must be a pinned version");
    }

    @Test
    void theRealmIsTheRepositorysWithItsSecretsFromKeycloaksEnvironment() throws Exception {
        assertThat(Files.readString(Chart.DIR.resolve("files/league-realm.json")))
                .as("deploy/helm/league/files/league-realm.json must be a copy of deploy/keycloak/league-realm.json")
                .isEqualTo(Files.readString(Chart.REPOSITORY.resolve("deploy/keycloak/league-realm.json")));

        JsonNode production = realm(Chart.render(Chart.PRODUCTION, Chart.PRODUCTION_SITE));
        assertThat(production.get("realm").asText()).isEqualTo("league");
        for (JsonNode client : production.get("clients")) {
            if (client.has("secret")) {
                assertThat(client.get("secret").asText()).matches("\\$\\{LEAGUE_[A-Z_]+_SECRET}");
            }
            if (client.get("clientId").asText().equals("league-gateway")) {
                assertThat(client.get("redirectUris").get(0).asText())
                        .isEqualTo("https://zhtj.league.example.cn/login/oauth2/code/*");
            }
        }
        // no demo login in production: only the service accounts' users
        assertThat(production.get("users")).isNotEmpty().allMatch(user -> user.has("serviceAccountClientId"));
        JsonNode lookup = production.get("components").get("org.keycloak.storage.UserStorageProvider").get(0).get("config");
        assertThat(lookup.get("memberServiceUrl").get(0).asText()).isEqualTo("http://league-member-service.league.svc:8082");

        JsonNode dev = realm(Chart.render(Chart.DEV));
        assertThat(dev.get("users")).anyMatch(user -> user.get("username").asText().equals("110105199001014329"));
    }

    /**
     * Issue 16 item 8: Keycloak's start-up options for its pods, the same as docker-compose.yml's Keycloak has (and
     * {@code ./league}'s, which the system test's concurrent logins prove).
     */
    @Test
    void keycloakGetsTheSameStartUpOptionsAsInCompose() {
        Map<String, String> options = config(Chart.render(Chart.PRODUCTION, Chart.PRODUCTION_SITE),
                "league-keycloak-options");
        assertThat(options).containsEntry(
                "KC_SPI_BRUTE_FORCE_PROTECTOR__DEFAULT_BRUTE_FORCE_DETECTOR__ALLOW_CONCURRENT_REQUESTS", "true");
        assertThat(ComposeInStepTest.composeEnvironment("keycloak")).containsAllEntriesOf(options);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    static List<String> names(List<HasMetadata> objects, Class<? extends HasMetadata> type) {
        return objects.stream().filter(type::isInstance).map(ManifestChecks::name).toList();
    }

    static Deployment deployment(List<HasMetadata> objects, String name) {
        return objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> ManifestChecks.name(d).equals(name)).findFirst().orElseThrow();
    }

    static Map<String, String> config(List<HasMetadata> objects, String name) {
        return objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> ManifestChecks.name(c).equals(name)).findFirst().orElseThrow().getData();
    }

    static Map<String, GenericKubernetesResource> generic(List<HasMetadata> objects, String kind) {
        return objects.stream().filter(GenericKubernetesResource.class::isInstance).map(GenericKubernetesResource.class::cast)
                .filter(r -> r.getKind().equals(kind))
                .collect(java.util.stream.Collectors.toMap(ManifestChecks::name, r -> r));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> triggers(GenericKubernetesResource scaledObject) {
        return (List<Map<String, Object>>) ((Map<String, Object>) scaledObject.getAdditionalProperties().get("spec")).get("triggers");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> trigger) {
        return (Map<String, Object>) trigger.get("metadata");
    }

    static JsonNode realm(List<HasMetadata> objects) {
        String json = config(objects, "league-keycloak-realm").get("league-realm.json");
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
