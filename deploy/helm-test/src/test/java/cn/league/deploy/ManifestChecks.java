package cn.league.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What every rendering of the chart must satisfy, checked on fabric8's typed models. {@link #violations} returns one
 * line per broken rule (empty: all good); {@code ManifestChecksTest} feeds broken manifests to prove each rule bites.
 */
final class ManifestChecks {

    /** The only component that may take traffic from outside the release. */
    static final String PUBLIC_COMPONENT = "gateway";
    static final String NAME_LABEL = "app.kubernetes.io/name";
    /** Environment names that carry a secret: never a literal value, never in a ConfigMap. */
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL|PRIVATE_?KEY).*");

    private final List<HasMetadata> objects;
    private final List<String> violations = new ArrayList<>();

    private ManifestChecks(List<HasMetadata> objects) {
        this.objects = objects;
    }

    static List<String> violations(List<HasMetadata> objects) {
        ManifestChecks checks = new ManifestChecks(objects);
        checks.run();
        return List.copyOf(checks.violations);
    }

    private void run() {
        List<Deployment> deployments = all(Deployment.class);
        if (deployments.isEmpty()) {
            fail("no Deployment rendered");
        }
        deployments.forEach(this::checkDeployment);
        checkAutoscalers(deployments);
        all(Service.class).forEach(service -> checkService(service, deployments));
        all(PodDisruptionBudget.class).forEach(pdb -> checkSelects("PodDisruptionBudget " + name(pdb),
                pdb.getSpec().getSelector(), deployments));
        checkSecrets();
        checkNetworkPolicies(deployments);
        all(Ingress.class).forEach(this::checkIngress);
        generic("ServiceMonitor").forEach(monitor -> checkServiceMonitor(monitor));
    }

    // --- Deployments ------------------------------------------------------------------------------------------------

    private void checkDeployment(Deployment deployment) {
        String where = "Deployment " + name(deployment);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        var strategy = deployment.getSpec().getStrategy();
        if (strategy == null || !"RollingUpdate".equals(strategy.getType()) || strategy.getRollingUpdate() == null
                || !"0".equals(String.valueOf(strategy.getRollingUpdate().getMaxUnavailable().getValue()))) {
            fail(where + ": rolling update without maxUnavailable 0");
        }
        if (pod.getContainers().isEmpty()) {
            fail(where + ": no container");
        }
        PodSecurityContext podSecurity = pod.getSecurityContext();
        for (Container container : pod.getContainers()) {
            String at = where + " container " + container.getName();
            checkProbe(at, "startupProbe", container.getStartupProbe(), "/actuator/health/");
            checkProbe(at, "livenessProbe", container.getLivenessProbe(), "/actuator/health/liveness");
            checkProbe(at, "readinessProbe", container.getReadinessProbe(), "/actuator/health/readiness");
            checkResources(at, container.getResources());
            SecurityContext security = container.getSecurityContext();
            boolean nonRoot = Boolean.TRUE.equals(security == null ? null : security.getRunAsNonRoot())
                    || (security == null || security.getRunAsNonRoot() == null)
                    && podSecurity != null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot());
            Long uid = Optional.ofNullable(security).map(SecurityContext::getRunAsUser)
                    .orElse(podSecurity == null ? null : podSecurity.getRunAsUser());
            if (!nonRoot || Long.valueOf(0).equals(uid)) {
                fail(at + ": not runAsNonRoot (or runs as uid 0)");
            }
            if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                fail(at + ": root filesystem not read-only");
            }
            if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                fail(at + ": allowPrivilegeEscalation not false");
            }
            if (security != null && Boolean.TRUE.equals(security.getPrivileged())) {
                fail(at + ": privileged");
            }
            checkImage(at, container.getImage());
            if (container.getLifecycle() == null || container.getLifecycle().getPreStop() == null) {
                fail(at + ": no preStop hook (the pod would get traffic while shutting down)");
            }
            for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                if (SECRET_NAME.matcher(env.getName()).matches() && (env.getValue() != null
                        || env.getValueFrom() == null || env.getValueFrom().getSecretKeyRef() == null)) {
                    fail(at + ": env " + env.getName() + " is a secret but not from a secretKeyRef");
                }
            }
            Optional.ofNullable(container.getEnvFrom()).orElse(List.of()).forEach(from -> {
                if (from.getConfigMapRef() != null && find(ConfigMap.class, from.getConfigMapRef().getName()).isEmpty()) {
                    fail(at + ": envFrom ConfigMap " + from.getConfigMapRef().getName() + " not rendered");
                }
            });
        }
    }

    private void checkProbe(String at, String kind, Probe probe, String pathPrefix) {
        if (probe == null) {
            fail(at + ": no " + kind);
        } else if (probe.getHttpGet() == null || probe.getHttpGet().getPath() == null
                || !probe.getHttpGet().getPath().startsWith(pathPrefix)) {
            fail(at + ": " + kind + " not on " + pathPrefix);
        }
    }

    private void checkResources(String at, ResourceRequirements resources) {
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = resources == null || resources.getRequests() == null ? null : resources.getRequests().get(resource);
            Quantity limit = resources == null || resources.getLimits() == null ? null : resources.getLimits().get(resource);
            if (request == null || limit == null) {
                fail(at + ": " + resource + " request and limit not both set");
            } else if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                fail(at + ": " + resource + " request above its limit");
            }
        }
    }

    private void checkImage(String at, String image) {
        if (image == null || image.isBlank()) {
            fail(at + ": no image");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        String tag = colon > slash ? image.substring(colon + 1) : "";
        if (tag.isBlank() || tag.equals("latest")) {
            fail(at + ": image " + image + " not pinned (no tag, or latest)");
        }
    }

    // --- autoscaling ------------------------------------------------------------------------------------------------

    private void checkAutoscalers(List<Deployment> deployments) {
        Set<String> scaled = new HashSet<>();
        for (HorizontalPodAutoscaler hpa : all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            checkTarget("HorizontalPodAutoscaler " + name(hpa), target.getKind(), target.getName(), deployments, scaled);
        }
        for (GenericKubernetesResource scaledObject : generic("ScaledObject")) {
            Map<String, Object> target = map(map(scaledObject.getAdditionalProperties().get("spec")).get("scaleTargetRef"));
            checkTarget("ScaledObject " + name(scaledObject), (String) Objects.requireNonNullElse(target.get("kind"), "Deployment"),
                    (String) target.get("name"), deployments, scaled);
        }
    }

    private void checkTarget(String what, String kind, String target, List<Deployment> deployments, Set<String> scaled) {
        if (!"Deployment".equals(kind) || deployments.stream().noneMatch(d -> name(d).equals(target))) {
            fail(what + ": targets " + kind + " " + target + ", which is not a rendered Deployment");
        } else if (!scaled.add(target)) {
            fail(what + ": Deployment " + target + " has two autoscalers");
        }
    }

    // --- Services, selectors ----------------------------------------------------------------------------------------

    private void checkService(Service service, List<Deployment> deployments) {
        String where = "Service " + name(service);
        Map<String, String> selector = service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            fail(where + ": selects nothing (no selector)");
            return;
        }
        List<Deployment> selected = deployments.stream()
                .filter(d -> matches(selector, d.getSpec().getTemplate().getMetadata().getLabels())).toList();
        if (selected.isEmpty()) {
            fail(where + ": selector " + new java.util.TreeMap<>(selector) + " matches no pod of a rendered Deployment");
        }
        for (var port : service.getSpec().getPorts()) {
            if (port.getTargetPort() != null && port.getTargetPort().getStrVal() != null) {
                String portName = port.getTargetPort().getStrVal();
                boolean named = selected.stream().flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                        .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.of()).stream())
                        .anyMatch(p -> portName.equals(p.getName()));
                if (!selected.isEmpty() && !named) {
                    fail(where + ": targetPort " + portName + " is no container port of the pods it selects");
                }
            }
        }
    }

    private void checkSelects(String what, LabelSelector selector, List<Deployment> deployments) {
        if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()
                || deployments.stream().noneMatch(d -> matches(selector.getMatchLabels(),
                d.getSpec().getTemplate().getMetadata().getLabels()))) {
            fail(what + ": selects no pod of a rendered Deployment");
        }
    }

    private void checkServiceMonitor(GenericKubernetesResource monitor) {
        Map<String, Object> selector = map(map(monitor.getAdditionalProperties().get("spec")).get("selector"));
        Map<String, Object> labels = map(selector.get("matchLabels"));
        boolean any = !labels.isEmpty() && all(Service.class).stream().anyMatch(service ->
                matches(stringMap(labels), Optional.ofNullable(service.getMetadata().getLabels()).orElse(Map.of())));
        if (!any) {
            fail("ServiceMonitor " + name(monitor) + ": selects no rendered Service");
        }
    }

    // --- secrets ----------------------------------------------------------------------------------------------------

    private void checkSecrets() {
        for (Secret secret : all(Secret.class)) {
            fail("Secret " + name(secret) + ": the chart writes a Secret (secrets are referenced by existingSecret only)");
        }
        for (GenericKubernetesResource generic : generic("Secret")) {
            fail("Secret " + name(generic) + ": the chart writes a Secret (secrets are referenced by existingSecret only)");
        }
        for (ConfigMap configMap : all(ConfigMap.class)) {
            Optional.ofNullable(configMap.getData()).orElse(Map.of()).keySet().stream()
                    .filter(key -> SECRET_NAME.matcher(key).matches())
                    .forEach(key -> fail("ConfigMap " + name(configMap) + ": holds " + key + " in plain text"));
        }
    }

    // --- network ----------------------------------------------------------------------------------------------------

    private void checkNetworkPolicies(List<Deployment> deployments) {
        List<NetworkPolicy> policies = all(NetworkPolicy.class);
        for (Deployment deployment : deployments) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            String where = "Deployment " + name(deployment);
            List<NetworkPolicy> selecting = policies.stream()
                    .filter(p -> p.getSpec().getPolicyTypes() != null && p.getSpec().getPolicyTypes().contains("Ingress"))
                    .filter(p -> selects(p.getSpec().getPodSelector(), labels)).toList();
            if (selecting.isEmpty()) {
                fail(where + ": no NetworkPolicy restricts its ingress");
                continue;
            }
            if (PUBLIC_COMPONENT.equals(labels.get(NAME_LABEL))) {
                continue;
            }
            for (NetworkPolicy policy : selecting) {
                for (NetworkPolicyIngressRule rule : Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of())) {
                    if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                        fail(where + ": NetworkPolicy " + name(policy) + " lets in traffic from anywhere");
                        continue;
                    }
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        if (peer.getIpBlock() != null) {
                            fail(where + ": NetworkPolicy " + name(policy) + " lets in an ipBlock " + peer.getIpBlock().getCidr());
                        }
                        if (peer.getNamespaceSelector() != null && isEmpty(peer.getNamespaceSelector())) {
                            fail(where + ": NetworkPolicy " + name(policy) + " lets in every namespace");
                        }
                    }
                }
            }
        }
    }

    private void checkIngress(Ingress ingress) {
        String where = "Ingress " + name(ingress);
        Set<String> tlsHosts = new HashSet<>();
        Optional.ofNullable(ingress.getSpec().getTls()).orElse(List.of()).stream()
                .filter(tls -> tls.getSecretName() != null && !tls.getSecretName().isBlank())
                .map(IngressTLS::getHosts).filter(Objects::nonNull).forEach(tlsHosts::addAll);
        for (IngressRule rule : Optional.ofNullable(ingress.getSpec().getRules()).orElse(List.of())) {
            if (!tlsHosts.contains(rule.getHost())) {
                fail(where + ": host " + rule.getHost() + " without TLS");
            }
            rule.getHttp().getPaths().forEach(path -> {
                String backend = path.getBackend().getService().getName();
                boolean toGateway = find(Service.class, backend)
                        .map(s -> PUBLIC_COMPONENT.equals(s.getSpec().getSelector().get(NAME_LABEL))).orElse(false);
                if (!toGateway) {
                    fail(where + ": path " + path.getPath() + " goes to " + backend + ", not the gateway");
                }
            });
        }
        if (ingress.getSpec().getDefaultBackend() != null) {
            fail(where + ": has a default backend (only the gateway's routes are public)");
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new IllegalArgumentException("matchExpressions are not evaluated by these checks");
        }
        return matches(Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()), labels);
    }

    private static boolean isEmpty(LabelSelector selector) {
        return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    private <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name(o).equals(name)).findFirst();
    }

    private List<GenericKubernetesResource> generic(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, String> stringMap(Map<String, Object> map) {
        return map.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    private void fail(String violation) {
        violations.add(violation);
    }

    static <T> Set<T> setOf(Collection<? extends HasMetadata> objects, Function<HasMetadata, T> f) {
        Set<T> set = new HashSet<>();
        objects.forEach(o -> set.add(f.apply(o)));
        return set;
    }
}
