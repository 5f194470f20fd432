package dev.attest.wallet.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.FakeHost;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class DfnsSettingsTest {

    @Test
    void settingsAreAnsweredWithTheSecretsMasked() {
        DfnsAccount org = DfnsAccount.register("EC").configure(Map.of("per_transfer_limit", "1000"));
        String body = given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/integrations/dfns")
                .then()
                .statusCode(200)
                .body("token", equalTo("********"))
                .body("private_key", equalTo("********"))
                .body("webhook_secret", equalTo("********"))
                .body("credential_id", equalTo(org.credentialId))
                .body("per_transfer_limit", equalTo("1000"))
                .extract()
                .asString();
        assertThat(body).doesNotContain(org.token).doesNotContain("PRIVATE KEY").doesNotContain(org.webhookSecret);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EC", "Ed25519", "RSA"})
    void theCheckProvesTokenAndSigningKeyOfEachKind(String algorithm) {
        DfnsAccount org = DfnsAccount.register(algorithm).configure();
        given().auth()
                .oauth2(org.admin())
                .post("/orgs/" + org.orgId + "/integrations/dfns/test")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("token", equalTo("ok"))
                .body("signing_key", equalTo("ok"));
        // Nothing was created by the check.
        given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/wallets")
                .then()
                .body("items.size()", equalTo(0));
    }

    @Test
    void theCheckSaysWhenTheSigningKeyIsNotTheRegisteredOne() {
        DfnsAccount org = DfnsAccount.register("EC");
        String foreignKey = DfnsAccount.pem(
                "PRIVATE KEY", DfnsAccount.newKeys("EC").getPrivate().getEncoded());
        org.configure(Map.of("private_key", foreignKey));
        given().auth()
                .oauth2(org.admin())
                .post("/orgs/" + org.orgId + "/integrations/dfns/test")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("token", equalTo("ok"))
                .body("signing_key", equalTo("failed"))
                .body("result", equalTo("unauthorized"))
                .body("detail", not(containsString("Signature does not verify")));
    }

    @Test
    void theCheckSaysWhenTheTokenIsRefused() {
        DfnsAccount org = DfnsAccount.register("EC");
        org.configure(Map.of("token", "not-a-token"));
        given().auth()
                .oauth2(org.admin())
                .post("/orgs/" + org.orgId + "/integrations/dfns/test")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("token", equalTo("failed"))
                .body("signing_key", equalTo("skipped"))
                .body("result", equalTo("unauthorized"))
                .body("detail", not(containsString("not-a-token")));
    }

    @Test
    void anUnreadablePrivateKeyIsRefusedAndNothingIsStored() {
        DfnsAccount org = DfnsAccount.register("EC");
        given().auth()
                .oauth2(org.admin())
                .contentType("application/json")
                .body("{\"api_base_url\":\"http://localhost:1/dfns\",\"token\":\"t\",\"credential_id\":\"c\","
                        + "\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\","
                        + "\"default_network\":\"Ethereum\"}")
                .put("/orgs/" + org.orgId + "/integrations/dfns")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/invalid-private-key"));
        given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/integrations/dfns")
                .then()
                .statusCode(404);
    }

    @Test
    void missingFieldsAreNamed() {
        DfnsAccount org = DfnsAccount.register("EC");
        given().auth()
                .oauth2(org.admin())
                .contentType("application/json")
                .body("{\"api_base_url\":\"ftp://x\",\"token\":\"\"}")
                .put("/orgs/" + org.orgId + "/integrations/dfns")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://attest.dev/problems/validation-failed"));
    }

    static Stream<Arguments> oversizedFields() {
        return Stream.of(
                Arguments.of("credential_id", "c".repeat(100_000)),
                Arguments.of("credential_id", "c".repeat(257)),
                Arguments.of("token", "t".repeat(4097)),
                Arguments.of("private_key", "k".repeat(8193)),
                Arguments.of("app_id", "a".repeat(257)),
                Arguments.of("webhook_secret", "w".repeat(513)),
                Arguments.of("previous_webhook_secret", "w".repeat(513)),
                Arguments.of("default_network", "N".repeat(65)),
                Arguments.of("api_base_url", "http://127.0.0.1/" + "p".repeat(2040)),
                // Not what Dfns issues: spaces, control characters, other scripts.
                Arguments.of("credential_id", "cr with spaces"),
                Arguments.of("token", "tok\nen"),
                Arguments.of("app_id", "ap-\u00e9"),
                Arguments.of("default_network", "Ethereum Sepolia"));
    }

    @ParameterizedTest
    @MethodSource("oversizedFields")
    void aFieldBeyondWhatDfnsIssuesIsRefusedAndNothingIsStoredOrSent(String field, String value) {
        try (FakeHost dfns = FakeHost.answering(200, "{\"items\":[]}")) {
            DfnsAccount org = DfnsAccount.register("EC");
            Map<String, String> settings = new java.util.HashMap<>(Map.of(
                    "api_base_url", dfns.url("127.0.0.1"),
                    "token", org.token,
                    "credential_id", org.credentialId,
                    "private_key", org.privateKeyPem,
                    "default_network", "Ethereum"));
            String body = new java.util.StringJoiner(",", "{", "}")
                    .add(settings.entrySet().stream()
                            .filter(e -> !e.getKey().equals(field))
                            .map(e -> quoted(e.getKey()) + ":" + quoted(e.getValue()))
                            .collect(java.util.stream.Collectors.joining(",")))
                    .add(quoted(field) + ":" + quoted(value))
                    .toString();

            given().auth()
                    .oauth2(org.admin())
                    .contentType("application/json")
                    .body(body)
                    .put("/orgs/" + org.orgId + "/integrations/dfns")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://attest.dev/problems/validation-failed"))
                    .body("errors.field", hasItem(field));
            given().auth()
                    .oauth2(org.admin())
                    .get("/orgs/" + org.orgId + "/integrations/dfns")
                    .then()
                    .statusCode(404);
            assertThat(dfns.requests()).isZero();
        }
    }

    private static String quoted(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheOrgsAdminsReachItsSettings() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        DfnsAccount other = DfnsAccount.register("EC");
        given().auth()
                .oauth2(other.admin())
                .get("/orgs/" + org.orgId + "/integrations/dfns")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(org.user("someone"))
                .get("/orgs/" + org.orgId + "/integrations/dfns")
                .then()
                .statusCode(403);
    }
}
