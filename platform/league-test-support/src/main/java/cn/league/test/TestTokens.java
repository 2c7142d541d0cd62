package cn.league.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
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
import com.sun.net.httpserver.HttpServer;

/**
 * Signs JWTs shaped like the access tokens of Keycloak's realm {@code league} (same issuer form,
 * {@code preferred_username} = ID number, {@code realm_access.roles}, {@code azp}, {@code typ}) and
 * serves its public key at the realm's JWKS path, so services check them exactly as they check real ones.
 */
public final class TestTokens {

    public static final String CLIENT = "league-api";

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
            server.start();
            return new TestTokens(key, server);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
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
        return sign(idNumber, issuer(), Instant.now().plus(Duration.ofMinutes(5)), realmRoles);
    }

    public String expiredAccessToken(String idNumber) {
        return sign(idNumber, issuer(), Instant.now().minus(Duration.ofMinutes(5)));
    }

    /** Signed by the right key but issued by another realm: must be refused. */
    public String foreignIssuerToken(String idNumber) {
        return sign(idNumber, keycloakUrl() + "/realms/other", Instant.now().plus(Duration.ofMinutes(5)));
    }

    private String sign(String idNumber, String issuer, Instant expiresAt, String... realmRoles) {
        Instant issuedAt = expiresAt.minus(Duration.ofMinutes(5));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(issuer)
                .subject(UUID.nameUUIDFromBytes(idNumber.getBytes(StandardCharsets.UTF_8)).toString())
                .audience("account")
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
