package cn.league.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * issue 14 item 4: the alert rules and the dashboard name only metrics the services really expose. "Really" is
 * twofold: every metric is in a scrape of /actuator/prometheus recorded from a running stack
 * (src/test/resources/scrapes/, see its README), and every league_* metric is also made by the code as it is now
 * (its Micrometer name found in a service's sources), so renaming a gauge without the rules fails here.
 */
class OperationsTest {

    static final Path SCRAPES = Path.of("src/test/resources/scrapes").toAbsolutePath();
    static final Path DASHBOARD = Chart.DIR.resolve("files/dashboards/league.json");
    /** PromQL words that are not metric names. */
    static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "rate", "irate", "increase", "deriv",
            "time", "by", "without", "and", "or", "unless", "on", "ignoring", "group_left", "group_right", "offset",
            "bool", "topk", "bottomk", "abs", "clamp_min", "clamp_max", "histogram_quantile", "label_values", "delta",
            "avg_over_time", "max_over_time", "min_over_time", "absent", "vector", "scalar");

    @Test
    void theRulesAlertOnWhatIssue14Asks() {
        Map<String, String> alerts = alerts(Chart.render(Chart.PRODUCTION, Chart.PRODUCTION_SITE));
        assertThat(alerts).containsKeys("LeagueOutboxBacklog", "LeagueOutboxBacklogGrowing", "LeagueConsumerLag",
                "LeagueHigh5xxRate", "LeagueScheduledJobFailing", "LeagueScheduledTaskErrors",
                "LeagueIdentityCentreCircuitOpen");
        assertThat(alerts.get("LeagueOutboxBacklog")).contains("league_outbox_oldest_age_seconds");
        assertThat(alerts.get("LeagueConsumerLag")).contains("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(alerts.get("LeagueHigh5xxRate")).contains("status=~\"5..\"");
        assertThat(alerts.get("LeagueScheduledJobFailing")).contains("league_job_runs_total").contains("outcome=\"failure\"");
        assertThat(alerts.get("LeagueIdentityCentreCircuitOpen")).contains("league_identity_centre_circuit_open");
        // scoped to the release's namespace
        assertThat(alerts.values()).allMatch(expr -> expr.contains("namespace=\"league\""));
    }

    @Test
    void theRulesNameOnlyMetricsTheServicesExpose() {
        Set<String> exposed = scrapedMetrics();
        Map<String, String> alerts = alerts(Chart.render(Chart.PRODUCTION, Chart.PRODUCTION_SITE));
        alerts.forEach((alert, expr) -> assertThat(metricNames(expr)).as("metrics of %s", alert).isNotEmpty()
                .allSatisfy(metric -> assertThat(exposed).as("%s names %s", alert, metric).contains(metric)));
    }

    @Test
    void theDashboardParsesAndNamesOnlyMetricsOfTheRulesOrTheServices() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.get("uid").asText()).isEqualTo("league-overview");
        List<String> exprs = new ArrayList<>();
        dashboard.findValues("expr").forEach(node -> exprs.add(node.asText()));
        assertThat(exprs).hasSizeGreaterThan(10);

        Set<String> known = new TreeSet<>(scrapedMetrics());
        alerts(Chart.render(Chart.PRODUCTION, Chart.PRODUCTION_SITE)).values().forEach(e -> known.addAll(metricNames(e)));
        for (String expr : exprs) {
            assertThat(metricNames(expr)).as("metrics of %s", expr).isNotEmpty()
                    .allSatisfy(metric -> assertThat(known).as("dashboard names %s", metric).contains(metric));
        }
        // every league metric of the code is on the dashboard
        assertThat(exprs.stream().flatMap(e -> metricNames(e).stream()).collect(Collectors.toSet()))
                .containsAll(leagueMetricsInCode().keySet().stream().map(OperationsTest::aSampleName).toList());
    }

    @Test
    void theDashboardShipsInItsConfigMapUnchanged() throws IOException {
        List<HasMetadata> objects = Chart.render(Chart.PRODUCTION, Chart.PRODUCTION_SITE);
        ConfigMap configMap = objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .filter(c -> c.getMetadata().getName().equals("league-grafana-dashboard")).findFirst().orElseThrow();
        assertThat(configMap.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(configMap.getData().get("league.json").strip()).isEqualTo(Files.readString(DASHBOARD).strip());
        assertThat(ChartTest.generic(objects, "ServiceMonitor")).hasSize(7);
    }

    @Test
    void everyLeagueMetricOfTheCodeIsInTheRecordedScrapesAndTheOtherWayRound() {
        Set<String> scraped = scrapedMetrics().stream().filter(m -> m.startsWith("league_")).collect(Collectors.toSet());
        Map<String, Path> inCode = leagueMetricsInCode();
        assertThat(inCode).containsKeys("league.outbox.backlog", "league.outbox.oldest.age", "league.job.runs",
                "league.job.last.success", "league.identity.centre.circuit.open");
        for (String meter : inCode.keySet()) {
            assertThat(scraped).as("%s (%s) in a recorded scrape", meter, inCode.get(meter)).contains(aSampleName(meter));
        }
        for (String metric : scraped) {
            assertThat(inCode.keySet().stream().map(OperationsTest::aSampleName)).as("%s made by the code", metric)
                    .contains(metric);
        }
    }

    @Test
    void theMetricNamesOfAnExpressionAreFoundAndAnUnknownOneIsNotExposed() {
        assertThat(metricNames("sum by (namespace, job) (rate(http_server_requests_seconds_count{status=~\"5..\", "
                + "uri!~\"/actuator.*\"}[5m])) / on (job) (time() - max(league_job_last_success_seconds{name=\"a b\"})) > 0.05"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_count", "league_job_last_success_seconds");
        assertThat(scrapedMetrics()).contains("league_outbox_backlog").doesNotContain("league_outbox_backlog_events");
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** The metric names of a PromQL expression (quoted strings, label matchers, ranges and grouping removed). */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(bare);
        while (identifier.find()) {
            String word = identifier.group(1);
            if (identifier.group(2) == null && !PROMQL.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }

    /** Every sample name in the recorded scrapes. */
    static Set<String> scrapedMetrics() {
        try (Stream<Path> files = Files.list(SCRAPES)) {
            Set<String> names = new TreeSet<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(names::add);
            }
            assertThat(names).as("recorded scrapes in %s", SCRAPES).hasSizeGreaterThan(50);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Micrometer names "league.…" given to Gauge/Counter builders in the services' and platform's sources. */
    static Map<String, Path> leagueMetricsInCode() {
        Pattern builder = Pattern.compile("(Gauge|Counter|Timer|DistributionSummary)\\.builder\\(\\s*\"(league\\.[a-z.]+)\"([^;]*)");
        Map<String, Path> meters = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(Chart.REPOSITORY)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")
                    && !p.toString().contains("/target/")).toList()) {
                Matcher m = builder.matcher(Files.readString(source));
                while (m.find()) {
                    String suffix = switch (m.group(1)) {
                        case "Counter" -> "#counter";
                        default -> m.group(3).contains("baseUnit(\"seconds\")") ? "#seconds" : "";
                    };
                    meters.put(m.group(2) + suffix, source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Path> plain = new TreeMap<>();
        meters.forEach((name, source) -> plain.put(name.replaceAll("#.*", ""), source));
        KINDS.putAll(meters.keySet().stream().collect(Collectors.toMap(n -> n.replaceAll("#.*", ""), n -> n)));
        return plain;
    }

    private static final Map<String, String> KINDS = new TreeMap<>();

    /** The Prometheus sample name Micrometer gives a meter: dots to underscores, a counter's _total, a unit. */
    static String aSampleName(String meter) {
        String kind = KINDS.getOrDefault(meter, meter);
        String base = meter.replace('.', '_');
        if (kind.endsWith("#counter")) {
            return base + "_total";
        }
        return kind.endsWith("#seconds") ? base + "_seconds" : base;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> alerts(List<HasMetadata> objects) {
        GenericKubernetesResource rule = objects.stream().filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast).filter(r -> r.getKind().equals("PrometheusRule"))
                .findFirst().orElseThrow();
        Map<String, String> alerts = new TreeMap<>();
        var groups = (List<Map<String, Object>>) ((Map<String, Object>) rule.getAdditionalProperties().get("spec")).get("groups");
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> r : (List<Map<String, Object>>) group.get("rules")) {
                alerts.put((String) r.get("alert"), String.valueOf(r.get("expr")));
            }
        }
        return alerts;
    }
}
