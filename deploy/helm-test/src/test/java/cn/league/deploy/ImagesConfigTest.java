package cn.league.deploy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images profile (root pom) builds what the chart runs: every chart component has an image with its port, a
 * non-root user, container-aware heap settings and java as PID 1; nothing else builds one. (The images themselves are
 * built and started outside the default build: deploy/README.md, "Images"; deploy/images/smoke.sh.)
 */
class ImagesConfigTest {

    @Test
    void everyComponentOfTheChartHasAnImageAndOnlyThey() throws Exception {
        Map<String, Object> values = Chart.load(Chart.DIR.resolve("values.yaml"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) values.get("components");

        Map<String, String> imagePorts = new TreeMap<>();
        for (String module : modules()) {
            Element properties = child(read(Chart.REPOSITORY.resolve(module).resolve("pom.xml")).getDocumentElement(), "properties");
            if (properties != null && "false".equals(text(properties, "league.image.skip"))) {
                imagePorts.put(module, text(properties, "league.image.port"));
            }
        }
        assertThat(imagePorts.keySet()).containsExactlyInAnyOrderElementsOf(components.keySet());
        components.forEach((name, component) ->
                assertThat(imagePorts.get(name)).as("image port of %s", name).isEqualTo(String.valueOf(component.get("port"))));
    }

    @Test
    void theImagesRunAsTheChartsUserWithContainerAwareJvmSettings() throws Exception {
        Document root = read(Chart.REPOSITORY.resolve("pom.xml"));
        assertThat(text(child(root.getDocumentElement(), "properties"), "league.image.skip")).isEqualTo("true");
        Element profile = null;
        NodeList profiles = root.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            if ("images".equals(text((Element) profiles.item(i), "id"))) {
                profile = (Element) profiles.item(i);
            }
        }
        assertThat(profile).as("profile images in the root pom").isNotNull();
        Element jib = (Element) profile.getElementsByTagName("plugin").item(0);
        assertThat(text(jib, "artifactId")).isEqualTo("jib-maven-plugin");
        assertThat(text(jib, "version")).isEqualTo("3.5.2");
        assertThat(jib.getElementsByTagName("goal").item(0).getTextContent()).isEqualTo("buildTar");
        Element container = (Element) jib.getElementsByTagName("container").item(0);

        Map<String, Object> values = Chart.load(Chart.DIR.resolve("values.yaml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> podSecurity = (Map<String, Object>) values.get("podSecurityContext");
        assertThat(text(container, "user")).isEqualTo(podSecurity.get("runAsUser") + ":" + podSecurity.get("runAsGroup"));
        List<String> flags = new ArrayList<>();
        NodeList jvmFlags = container.getElementsByTagName("jvmFlag");
        for (int i = 0; i < jvmFlags.getLength(); i++) {
            flags.add(jvmFlags.item(i).getTextContent());
        }
        assertThat(flags).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        // no entrypoint of our own: Jib's runs java directly, so SIGTERM reaches the JVM (graceful shutdown)
        assertThat(container.getElementsByTagName("entrypoint").getLength()).isZero();
        assertThat(Files.isExecutable(Chart.REPOSITORY.resolve("deploy/images/build-base.sh"))).isTrue();
    }

    private static List<String> modules() throws Exception {
        List<String> modules = new ArrayList<>();
        NodeList list = read(Chart.REPOSITORY.resolve("pom.xml")).getElementsByTagName("module");
        for (int i = 0; i < list.getLength(); i++) {
            modules.add(list.item(i).getTextContent().trim());
        }
        return modules;
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }
}
