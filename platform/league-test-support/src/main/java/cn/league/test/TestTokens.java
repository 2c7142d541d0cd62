package cn.league.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Signs JWTs shaped like the access tokens of Keycloak's realm {@code league} (same issuer form,
 * {@code preferred_username} = ID number, {@code realm_access.roles}, {@code azp}, {@code typ}) and
 * serves its public key at the realm's JWKS path, so services check them exactly as they check real ones.
 * Its token endpoint answers Keycloak's client-credentials grant as a confidential client's service account
 * would be answered: a token for {@code service-account-<client_id>} with the realm roles and audiences the realm
 * file gives that client ({@link RealmClients}). A person's token names the audiences of the realm's person-facing
 * clients (every service) and {@value #TEST_AUDIENCE}, the audience of the platform modules' own test applications.
 */
public final class TestTokens {

    public static final String CLIENT = "league-api";
    public static final String TEST_AUDIENCE = "league-test";

    private static TestTokens instance;

    private final RSAKey key;
    private final HttpServer server;

    private TestTokens(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestTokens start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .build();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/league/protocol/openid-connect/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            TestTokens tokens = new TestTokens(key, server);
            server.createContext("/realms/league/protocol/openid-connect/token", tokens::clientCredentials);
            server.start();
            return tokens;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The client is named by HTTP Basic (Spring's default) or by the form's {@code client_id}; secrets are not checked. */
    private void clientCredentials(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String client = formValue(form, "client_id");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String user = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
            client = URLDecoder.decode(user.substring(0, user.indexOf(':')), StandardCharsets.UTF_8);
        }
        byte[] body;
        int status;
        if (client == null || !"client_credentials".equals(formValue(form, "grant_type"))) {
            status = 400;
            body = "{\"error\":\"unauthorized_client\"}".getBytes(StandardCharsets.UTF_8);
        } else {
            status = 200;
            body = ("{\"access_token\":\"" + serviceAccountToken(client)
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String formValue(String form, String name) {
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Base URL standing in for Keycloak's: {@code <url>/realms/league} is the issuer. */
    public String keycloakUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String issuer() {
        return keycloakUrl() + "/realms/league";
    }

    public String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** A valid access token for the person with this ID number. */
    public String accessToken(String idNumber, String... realmRoles) {
        return sign(idNumber, issuer(), Instant.now().plus(Duration.ofMinutes(5)), personAudiences(), realmRoles);
    }

    /** A client's service-account token, with the roles and audiences the realm file gives that client. */
    public String serviceAccountToken(String clientId) {
        RealmClients.Client client = realm().client(clientId);
        return sign("service-account-" + clientId, issuer(), Instant.now().plus(Duration.ofMinutes(5)),
                client.audiences(), client.serviceAccountRoles().toArray(String[]::new));
    }

    /** A person's token from the right realm for other audiences only, as another client of the realm gets: refused. */
    public String otherAudienceToken(String idNumber, String audience) {
        return sign(idNumber, issuer(), Instant.now().plus(Duration.ofMinutes(5)), List.of(audience));
    }

    private static RealmClients realmClients;

    private static synchronized RealmClients realm() {
        if (realmClients == null) {
            realmClients = RealmClients.load();
        }
        return realmClients;
    }

    private static List<String> personAudiences() {
        List<String> audiences = new java.util.ArrayList<>(realm().client(CLIENT).audiences());
        audiences.add(TEST_AUDIENCE);
        return audiences;
    }

    public String expiredAccessToken(String idNumber) {
        return sign(idNumber, issuer(), Instant.now().minus(Duration.ofMinutes(5)), personAudiences());
    }

    /** Signed by the right key but issued by another realm: must be refused. */
    public String foreignIssuerToken(String idNumber) {
        return sign(idNumber, keycloakUrl() + "/realms/other", Instant.now().plus(Duration.ofMinutes(5)),
                personAudiences());
    }

    private String sign(String idNumber, String issuer, Instant expiresAt, List<String> audiences,
                        String... realmRoles) {
        Instant issuedAt = expiresAt.minus(Duration.ofMinutes(5));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
                .subject(UUID.nameUUIDFromBytes(idNumber.getBytes(StandardCharsets.UTF_8)).toString())
                .audience(audiences)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim("typ", "Bearer")
                .claim("azp", CLIENT)
                .claim("scope", "openid profile")
                .claim("preferred_username", idNumber.toLowerCase())
                .claim("realm_access", Map.of("roles", List.of(realmRoles.length == 0
                        ? new String[] {"default-roles-league"} : realmRoles)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
