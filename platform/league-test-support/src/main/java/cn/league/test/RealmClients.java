package cn.league.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the realm file ({@code deploy/keycloak/league-realm.json}, the one Keycloak imports) gives each client's
 * tokens: the service account's realm roles and the audiences its mappers add. {@link TestTokens} signs tokens from
 * it, so a test calls a service with the very roles and audiences a real token would carry.
 */
final class RealmClients {

    static final Path REALM = Path.of("deploy", "keycloak", "league-realm.json");

    record Client(List<String> serviceAccountRoles, List<String> audiences) {
    }

    private final Map<String, Client> clients;

    private RealmClients(Map<String, Client> clients) {
        this.clients = clients;
    }

    /** The realm file of this checkout, found from the working directory (a module's folder) upwards. */
    static RealmClients load() {
        Path folder = Path.of("").toAbsolutePath();
        while (folder != null && !Files.exists(folder.resolve(REALM))) {
            folder = folder.getParent();
        }
        if (folder == null) {
            throw new IllegalStateException(REALM + " not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return parse(JsonMapper.builder().build().readTree(Files.readString(folder.resolve(REALM))));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static RealmClients parse(JsonNode realm) {
        Map<String, List<String>> roles = new HashMap<>();
        for (JsonNode user : realm.path("users")) {
            if (user.hasNonNull("serviceAccountClientId")) {
                roles.put(user.path("serviceAccountClientId").asString(), strings(user.path("realmRoles")));
            }
        }
        Map<String, Client> clients = new HashMap<>();
        for (JsonNode client : realm.path("clients")) {
            List<String> audiences = new ArrayList<>();
            for (JsonNode mapper : client.path("protocolMappers")) {
                if (mapper.path("protocolMapper").asString().equals("oidc-audience-mapper")) {
                    audiences.add(mapper.path("config").path("included.custom.audience").asString());
                }
            }
            String id = client.path("clientId").asString();
            clients.put(id, new Client(roles.getOrDefault(id, List.of()), List.copyOf(audiences)));
        }
        return new RealmClients(clients);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return List.copyOf(values);
    }

    /** The client as the realm has it; a client the realm lacks has no roles and no audience. */
    Client client(String clientId) {
        return clients.getOrDefault(clientId, new Client(List.of(), List.of()));
    }
}
