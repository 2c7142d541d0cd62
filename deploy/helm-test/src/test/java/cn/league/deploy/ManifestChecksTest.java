package cn.league.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks are not vacuous: a stream of broken objects, and the chart's own rendering broken one rule at a time,
 * each give the violation they should.
 */
class ManifestChecksTest {

    static String rendered;

    @BeforeAll
    static void render() {
        rendered = Chart.template();
    }

    @Test
    void aBrokenManifestFailsEveryRule() throws IOException {
        String yaml;
        try (InputStream in = ManifestChecksTest.class.getResourceAsStream("/broken-manifests.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> violations = ManifestChecks.violations(Chart.parse(yaml));

        assertThat(violations).contains(
                "Deployment careless: rolling update without maxUnavailable 0",
                "Deployment careless container careless: no startupProbe",
                "Deployment careless container careless: no livenessProbe",
                "Deployment careless container careless: readinessProbe not on /actuator/health/readiness",
                "Deployment careless container careless: cpu request and limit not both set",
                "Deployment careless container careless: memory request and limit not both set",
                "Deployment careless container careless: not runAsNonRoot (or runs as uid 0)",
                "Deployment careless container careless: root filesystem not read-only",
                "Deployment careless container careless: allowPrivilegeEscalation not false",
                "Deployment careless container careless: image registry.example.com/league/careless:latest not pinned (no tag, or latest)",
                "Deployment careless container careless: no preStop hook (the pod would get traffic while shutting down)",
                "Deployment careless container careless: env SPRING_DATASOURCE_PASSWORD is a secret but not from a secretKeyRef",
                "Deployment careless container careless: envFrom ConfigMap missing-config not rendered",
                "Deployment untagged container untagged: image registry.example.com/league/untagged not pinned (no tag, or latest)",
                "Deployment untagged: no NetworkPolicy restricts its ingress",
                "Secret from-values: the chart writes a Secret (secrets are referenced by existingSecret only)",
                "ConfigMap leaky: holds LEAGUE_GATEWAY_CLIENT_SECRET in plain text",
                "HorizontalPodAutoscaler orphan: targets Deployment no-such-deployment, which is not a rendered Deployment",
                "ScaledObject orphan-keda: targets Deployment also-missing, which is not a rendered Deployment",
                "Service nowhere: selector {app.kubernetes.io/name=nobody} matches no pod of a rendered Deployment",
                "PodDisruptionBudget guards-nobody: selects no pod of a rendered Deployment",
                "Deployment careless: NetworkPolicy careless-open lets in every namespace",
                "Deployment careless: NetworkPolicy careless-open lets in an ipBlock 0.0.0.0/0",
                "Deployment careless: NetworkPolicy careless-open lets in traffic from anywhere",
                "Ingress side-door: host league.example.com without TLS",
                "Ingress side-door: path /internal goes to nowhere, not the gateway");
    }

    @Test
    void theChartsOwnRenderingPasses() {
        assertThat(ManifestChecks.violations(Chart.parse(rendered))).isEmpty();
    }

    @Test
    void aServiceOpenToEveryoneIsCaught() {
        assertThat(violationsAfter(objects -> policy(objects, "league-member-service").getSpec().getIngress()
                .add(new NetworkPolicyIngressRule(null, null))))
                .containsExactly("Deployment league-member-service: NetworkPolicy league-member-service lets in traffic from anywhere");
    }

    @Test
    void aServiceWithoutItsPolicyIsStillDeniedByTheDefaultButAReleaseWithoutPoliciesIsCaught() {
        assertThat(violationsAfter(objects -> objects.removeIf(NetworkPolicy.class::isInstance)))
                .hasSize(7).allMatch(v -> v.endsWith("no NetworkPolicy restricts its ingress"));
    }

    @Test
    void aMissingProbeOrLimitOrAnUnsafeContainerIsCaught() {
        assertThat(violationsAfter(objects -> {
            var container = deployment(objects, "league-stats-service").getSpec().getTemplate().getSpec().getContainers().getFirst();
            container.setStartupProbe(null);
            container.getResources().getLimits().remove("memory");
            container.getSecurityContext().setReadOnlyRootFilesystem(false);
            container.getSecurityContext().setAllowPrivilegeEscalation(null);
            container.getSecurityContext().setRunAsNonRoot(false);
            container.setImage("registry.example.com/league/stats-service:latest");
        })).containsExactlyInAnyOrder(
                "Deployment league-stats-service container stats-service: no startupProbe",
                "Deployment league-stats-service container stats-service: memory request and limit not both set",
                "Deployment league-stats-service container stats-service: root filesystem not read-only",
                "Deployment league-stats-service container stats-service: allowPrivilegeEscalation not false",
                "Deployment league-stats-service container stats-service: not runAsNonRoot (or runs as uid 0)",
                "Deployment league-stats-service container stats-service: image registry.example.com/league/stats-service:latest not pinned (no tag, or latest)");
    }

    @Test
    void anAutoscalerWhoseDeploymentIsRenamedAndAServiceThatLostItsPodsAreCaught() {
        assertThat(violationsAfter(objects -> {
            deployment(objects, "league-import-service").getMetadata().setName("league-import");
            deployment(objects, "league-import").getSpec().getTemplate().getMetadata().getLabels()
                    .put("app.kubernetes.io/name", "import");
            deployment(objects, "league-import").getSpec().getStrategy().getRollingUpdate().setMaxUnavailable(new IntOrString(1));
        })).contains(
                "HorizontalPodAutoscaler league-import-service: targets Deployment league-import-service, which is not a rendered Deployment",
                "Service league-import-service: selector {app.kubernetes.io/instance=league, app.kubernetes.io/name=import-service} matches no pod of a rendered Deployment",
                "PodDisruptionBudget league-import-service: selects no pod of a rendered Deployment",
                "Deployment league-import: rolling update without maxUnavailable 0");
    }

    @Test
    void aSecretTypedIntoAnEnvironmentVariableIsCaught() {
        assertThat(violationsAfter(objects -> {
            var env = deployment(objects, "league-gateway").getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
            env.getFirst().setValueFrom(null);
            env.getFirst().setValue("league-gateway-dev-secret");
        })).containsExactly("Deployment league-gateway container gateway: env LEAGUE_GATEWAY_CLIENT_SECRET is a secret but not from a secretKeyRef");
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static List<String> violationsAfter(Consumer<List<HasMetadata>> breakIt) {
        List<HasMetadata> objects = new java.util.ArrayList<>(Chart.parse(rendered));
        breakIt.accept(objects);
        return ManifestChecks.violations(objects);
    }

    private static Deployment deployment(List<HasMetadata> objects, String name) {
        return objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> d.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    private static NetworkPolicy policy(List<HasMetadata> objects, String name) {
        return objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
                .filter(p -> p.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }
}
