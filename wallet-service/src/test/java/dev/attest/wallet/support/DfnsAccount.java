package dev.attest.wallet.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.security.Roles;
import dev.attest.testing.GatewayTokens;
import dev.attest.wallet.client.CredentialKeys;
import dev.attest.wallet.client.DfnsCredentials;
import io.restassured.RestAssured;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An organization with a Dfns service account in the in-process Dfns sandbox, its credential key, and
 * its webhook subscription pointing at this service; {@link #configure} stores it through the admin API.
 */
public final class DfnsAccount {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final String orgId;
    public final String token;
    public final String credentialId;
    public final String privateKeyPem;
    public final String webhookSecret;
    public final KeyPair keys;

    private DfnsAccount(String orgId, KeyPair keys, JsonNode account) {
        this.orgId = orgId;
        this.keys = keys;
        this.token = account.get("token").asText();
        this.credentialId = account.get("credentialId").asText();
        this.webhookSecret = account.path("webhook").path("secret").asText(null);
        this.privateKeyPem = pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    /** A new org with a new service account (credential of {@code algorithm}: EC, Ed25519 or RSA). */
    public static DfnsAccount register(String algorithm) {
        String orgId = "org-" + UUID.randomUUID();
        KeyPair keys = newKeys(algorithm);
        String body = write(Map.of(
                "publicKey",
                pem("PUBLIC KEY", keys.getPublic().getEncoded()),
                "webhookUrl",
                baseUrl() + "/webhooks/dfns/" + orgId));
        String answer = given().body(body)
                .post("/dfns/_sandbox/service-accounts")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            return new DfnsAccount(orgId, keys, JSON.readTree(answer));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores this account as the org's Dfns settings through the admin API. */
    public DfnsAccount configure(Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "api_base_url", baseUrl() + "/dfns",
                "token", token,
                "credential_id", credentialId,
                "private_key", privateKeyPem,
                "default_network", "Ethereum",
                "webhook_secret", webhookSecret));
        settings.putAll(extra);
        given().auth()
                .oauth2(admin())
                .contentType("application/json")
                .body(write(settings))
                .put("/orgs/" + orgId + "/integrations/dfns")
                .then()
                .statusCode(200);
        return this;
    }

    public DfnsAccount configure() {
        return configure(Map.of());
    }

    /** This account's credentials, for calling the Dfns sandbox directly (as something outside Attest would). */
    /** Dfns's id of the org's first wallet, as the org's wallet list shows it. */
    public String firstProviderWalletId() {
        return given().auth()
                .oauth2(admin())
                .get("/orgs/" + orgId + "/wallets")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].provider_wallet_id");
    }

    public DfnsCredentials credentials() {
        return new DfnsCredentials(
                baseUrl() + "/dfns",
                token,
                credentialId,
                CredentialKeys.parsePrivateKey(privateKeyPem),
                Optional.empty());
    }

    public String admin() {
        return GatewayTokens.user(orgId, "admin-" + orgId, Roles.ORG_ADMIN);
    }

    public String user(String userId) {
        return GatewayTokens.user(orgId, userId, Roles.USER);
    }

    public static String baseUrl() {
        return "http://localhost:" + RestAssured.port;
    }

    public static KeyPair newKeys(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else if (algorithm.equals("RSA")) {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
