package cn.league.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart deploy/helm/league, rendered and linted through helm-java (Helm's own Go code, no binary needed).
 */
final class Chart {

    static final String RELEASE = "league";
    static final String NAMESPACE = "league";
    /** The oldest Kubernetes the chart supports (Chart.yaml kubeVersion: preStop sleep). */
    static final String KUBE_VERSION = "1.30.0";

    static final Path REPOSITORY = findRepository();
    static final Path DIR = REPOSITORY.resolve("deploy/helm/league");
    static final Path DEV = DIR.resolve("values-dev.yaml");
    static final Path PRODUCTION = DIR.resolve("values-production.yaml");
    /** What an SRE adds to the production values: endpoints and the names of Secrets that exist. */
    static final Path PRODUCTION_SITE = Path.of("src/test/resources/production-site.yaml").toAbsolutePath();

    private Chart() {
    }

    private static Path findRepository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** helm template with these values files (in order) and --set values. */
    static String template(List<Path> valuesFiles, Map<String, String> sets) {
        TemplateCommand command = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, String> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    static String template(Path... valuesFiles) {
        return template(List.of(valuesFiles), Map.of());
    }

    static List<HasMetadata> render(Path... valuesFiles) {
        return parse(template(valuesFiles));
    }

    /** The objects of a multi-document YAML stream, typed where fabric8 knows the kind, generic otherwise. */
    static List<HasMetadata> parse(String yaml) {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            objects.add(serialization.unmarshal(document, HasMetadata.class));
        }
        return objects;
    }

    /**
     * helm lint (strict) with these values files over the chart's values.yaml. helm-java's lint takes no values file,
     * so the lint runs on a copy of the chart whose values.yaml is the merge Helm itself would make (maps merged
     * key by key, anything else replaced, later files win).
     */
    static LintResult lint(Path... valuesFiles) {
        try {
            Path copy = Files.createTempDirectory("league-chart-").resolve("league");
            copyTree(DIR, copy);
            Map<String, Object> values = load(DIR.resolve("values.yaml"));
            for (Path file : valuesFiles) {
                values = merge(values, load(file));
            }
            Files.writeString(copy.resolve("values.yaml"), yaml().dump(values));
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    static Map<String, Object> load(Path file) {
        try {
            Map<String, Object> map = yaml().load(Files.readString(file));
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        over.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && merged.get(key) instanceof Map<?, ?> old) {
                merged.put(key, merge((Map<String, Object>) old, (Map<String, Object>) map));
            } else if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
