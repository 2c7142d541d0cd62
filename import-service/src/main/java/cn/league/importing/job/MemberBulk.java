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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import cn.league.importing.parse.ParsedRow;
import cn.league.support.peer.PeerGuard;
import cn.league.support.serviceaccount.ServiceAccountTokens;

/**
 * member-service's bulk path ({@code POST /internal/members/bulk}) as this service's own service account (Keycloak
 * client {@code league-import-service}, realm role league-members-bulk), naming the uploader: a job runs long after the
 * upload request, and after a restart, so it cannot carry the uploader's token. member-service applies every rule of
 * single entry to each row against the uploader's scope, stores the valid rows and publishes PersonEntered for each.
 * The calls go through a circuit breaker ({@link PeerGuard}): while member-service keeps failing, every worker is told
 * at once that it is out of reach instead of each waiting for its own timeout.
 */
@Component
class MemberBulk {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI endpoint;
    private final PeerGuard memberService = new PeerGuard("member-service");
    private final ServiceAccountTokens token;

    MemberBulk(@Value("${league.member-service.url}") String memberServiceUrl, ServiceAccountTokens token) {
        this.endpoint = URI.create(memberServiceUrl.replaceAll("/+$", "") + "/internal/members/bulk");
        this.token = token;
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

    /**
     * member-service out of reach: no connection, no answer in time, or an answer that it cannot serve now (502,
     * 503, 504, 429). A pause, as long as it lasts.
     */
    static final class Unreachable extends IOException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Every row's outcome, in the order sent. member-service out of reach is {@link Unreachable} (try again later);
     * any other answer than every row's outcome (another status, a body that is not the bulk result, outcomes that
     * do not match the rows) is an {@link IllegalStateException}.
     */
    List<Outcome> enter(String uploader, List<Row> rows) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(new Request(uploader, rows));
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = memberService.send(http, HttpRequest.newBuilder(endpoint)
                                .timeout(Duration.ofMinutes(2))
                                .header("Authorization", "Bearer " + token.value())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException transport) {
                throw new Unreachable("member-service (or Keycloak for the token) out of reach: " + transport, transport);
            }
            int status = response.statusCode();
            if (status == 401 && attempt == 0) {
                token.forget();
                continue;
            }
            if (status == 502 || status == 503 || status == 504 || status == 429) {
                throw new Unreachable("member-service answered " + status, null);
            }
            if (status != 200) {
                throw new IllegalStateException("member-service answered " + status + ": " + text(response.body()));
            }
            return outcomes(rows, response.body());
        }
    }

    private static List<Outcome> outcomes(List<Row> rows, byte[] body) {
        List<Outcome> outcomes;
        try {
            Result result = JSON.readValue(body, Result.class);
            outcomes = result == null ? null : result.rows();
        } catch (JacksonException garbage) {
            throw new IllegalStateException("member-service answered what is no bulk result: " + text(body), garbage);
        }
        if (outcomes == null || outcomes.size() != rows.size()) {
            throw new IllegalStateException("member-service answered " + (outcomes == null ? "no" : outcomes.size())
                    + " outcomes for " + rows.size() + " rows");
        }
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome == null || outcome.rowNumber() != rows.get(i).rowNumber() || outcome.status() == null
                    || (!outcome.status().equals("IMPORTED") && !outcome.status().equals("ALREADY_IMPORTED")
                    && (outcome.violations() == null || outcome.violations().isEmpty()))) {
                throw new IllegalStateException("member-service's outcome " + i + " does not answer row "
                        + rows.get(i).rowNumber() + ": " + outcome);
            }
        }
        return outcomes;
    }

    private static String text(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
