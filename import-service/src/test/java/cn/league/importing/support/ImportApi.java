package cn.league.importing.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.league.test.ServiceApi;
import cn.league.test.TestTokens;

/** import-service's API over real HTTP: JSON calls, multipart uploads, file downloads. */
public final class ImportApi extends ServiceApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public ImportApi(int port) {
        super(port);
        this.port = port;
    }

    public Response upload(String as, String template, String fileName, byte[] file) {
        String boundary = "----league" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"template\"\r\n\r\n" + template
                    + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(file);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/imports"))
                .header("Authorization", "Bearer " + TestTokens.get().accessToken(as))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    public HttpResponse<byte[]> download(String as, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + TestTokens.get().accessToken(as)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Polls the job until it has finished. */
    public JsonNode finished(String as, String id) {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            JsonNode job = get(as, "/api/imports/" + id).json();
            if (Boolean.TRUE.equals(java.util.Set.of("DONE", "FAILED", "CANCELLED")
                    .contains(job.path("status").asString()))) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException stop) {
                throw new IllegalStateException(stop);
            }
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
