package cn.league.org.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.league.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls org-service over HTTP as a given person, with a real (test-issued) Keycloak-shaped token. */
public final class OrgApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final JdbcClient jdbc;

    public OrgApi(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    /** Makes the person an admin of the org directly in the table, as a fixture. */
    public void makeAdmin(String idNumber, long orgId) {
        jdbc.sql("insert into org_admin (org_id, id_number) values (?, ?) on conflict do nothing")
                .params(orgId, idNumber.toUpperCase()).update();
    }

    public Response get(String as, String path) {
        return send(as, "GET", path, null);
    }

    public Response post(String as, String path, String json) {
        return send(as, "POST", path, json);
    }

    public Response put(String as, String path, String json) {
        return send(as, "PUT", path, json);
    }

    public Response delete(String as, String path) {
        return send(as, "DELETE", path, null);
    }

    /** Creates a child org and returns its id; fails the test when refused. */
    public long createChild(String as, long parentId, String type, String domain, String name) {
        return createChild(as, parentId, type, domain, null, null, name);
    }

    public long createChild(String as, long parentId, String type, String domain, String schoolLevel,
                            String branchKind, String name) {
        Response created = post(as, "/api/orgs/" + parentId + "/children", """
                {"type":"%s","domain":"%s","schoolLevel":%s,"branchKind":%s,"fullName":"%s","shortName":"%s"}"""
                .formatted(type, domain, quoted(schoolLevel), quoted(branchKind), name, name));
        if (created.status() != 201) {
            throw new AssertionError("creating " + name + " failed: " + created.status() + " " + created.body());
        }
        return created.json().path("id").asLong();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private Response send(String as, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.get().accessToken(as))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    public record Response(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }

        public String rule() {
            return json().path("rule").asString();
        }
    }
}
