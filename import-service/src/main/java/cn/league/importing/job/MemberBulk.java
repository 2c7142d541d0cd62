package cn.league.importing.job;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import cn.league.importing.parse.ParsedRow;
import cn.league.support.serviceaccount.ServiceAccountToken;

/**
 * member-service's bulk path ({@code POST /internal/members/bulk}) as this service's own service account (Keycloak
 * client {@code league-import-service}, realm role league-internal), naming the uploader: a job runs long after the
 * upload request, and after a restart, so it cannot carry the uploader's token. member-service applies every rule of
 * single entry to each row against the uploader's scope, stores the valid rows and publishes PersonEntered for each.
 */
@Component
class MemberBulk {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI endpoint;
    private final ServiceAccountToken token;

    MemberBulk(@Value("${league.member-service.url}") String memberServiceUrl,
               @Value("${league.keycloak.url}") String keycloakUrl,
               @Value("${league.import.client-id}") String clientId,
               @Value("${league.import.client-secret}") String clientSecret) {
        this.endpoint = URI.create(memberServiceUrl.replaceAll("/+$", "") + "/internal/members/bulk");
        this.token = new ServiceAccountToken(keycloakUrl, "league", clientId, clientSecret);
    }

    /** A row as member-service's BulkRow. */
    record Row(int rowNumber, String kind, long orgId, ParsedRow.Person person) {
    }

    record Violation(String code, String rule, String message) {
    }

    record Outcome(int rowNumber, String status, String idNumber, List<Violation> violations) {
    }

    record Result(List<Outcome> rows) {
    }

    private record Request(String uploaderIdNumber, List<Row> rows) {
    }

    /** Every row's outcome; an unreachable or failing member-service is an {@link IOException} (try again later). */
    List<Outcome> enter(String uploader, List<Row> rows) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(new Request(uploader, rows));
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + token.value())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 401 && attempt == 0) {
                token.forget();
                continue;
            }
            if (response.statusCode() != 200) {
                throw new IOException("member-service answered " + response.statusCode() + ": "
                        + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return JSON.readValue(response.body(), Result.class).rows();
        }
    }
}
