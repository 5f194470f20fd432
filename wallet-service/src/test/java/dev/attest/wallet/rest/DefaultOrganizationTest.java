package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.attest.common.security.Roles;
import dev.attest.common.tenant.Tenants;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.KycEvents;
import dev.attest.wallet.support.TenantEvents;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The local stack's set-up: one default organization configured by its slug ({@code demo}), whose Dfns
 * service account the in-process sandbox registers from configuration, with its webhook pointing at
 * {@code /webhooks/dfns/demo} and two webhook secrets active (a rotation). Also the Dfns readiness check.
 */
@QuarkusTest
@TestProfile(DefaultOrganizationTest.LocalStack.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class DefaultOrganizationTest {
    // The profile and the test live in different class loaders: what both need travels as system properties.
    private static final String PORT = "default-org-test.port";
    private static final String PRIVATE_KEY = "default-org-test.private-key";
    private static final String PUBLIC_KEY = "default-org-test.public-key";
    private static final String SECRET = "whsec-demo-current";
    private static final String PREVIOUS_SECRET = "whsec-demo-previous";

    /** The configuration `./attest up` gives wallet-service and the sandbox. */
    public static class LocalStack implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            if (System.getProperty(PORT) == null) {
                KeyPair keys = DfnsAccount.newKeys("EC");
                System.setProperty(
                        PRIVATE_KEY,
                        DfnsAccount.pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
                System.setProperty(
                        PUBLIC_KEY,
                        DfnsAccount.pem("PUBLIC KEY", keys.getPublic().getEncoded()));
                System.setProperty(PORT, String.valueOf(freePort()));
            }
            String base = "http://localhost:" + System.getProperty(PORT);
            return Map.ofEntries(
                    // The webhook URL names the port, so the test server takes one chosen free here.
                    Map.entry("quarkus.http.test-port", System.getProperty(PORT)),
                    Map.entry("sandbox.dfns.bootstrap.token", "dfns-local-token"),
                    Map.entry("sandbox.dfns.bootstrap.credential-id", "cr-local"),
                    Map.entry("sandbox.dfns.bootstrap.public-key", System.getProperty(PUBLIC_KEY)),
                    Map.entry("sandbox.dfns.bootstrap.webhook-url", base + "/webhooks/dfns/demo"),
                    Map.entry("sandbox.dfns.bootstrap.webhook-secret", SECRET),
                    Map.entry("attest.wallet.dfns.default-org.org-id", "demo"),
                    Map.entry("attest.wallet.dfns.default-org.api-base-url", base + "/dfns"),
                    Map.entry("attest.wallet.dfns.default-org.token", "dfns-local-token"),
                    Map.entry("attest.wallet.dfns.default-org.credential-id", "cr-local"),
                    Map.entry("attest.wallet.dfns.default-org.private-key", System.getProperty(PRIVATE_KEY)),
                    Map.entry("attest.wallet.dfns.default-org.webhook-secret", SECRET + "," + PREVIOUS_SECRET));
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    Tenants replica;

    @Test
    void theOrgNamedBySlugGetsWalletsAndTransfersConfirmedByTheSandboxsWebhooks() {
        String orgId = UUID.randomUUID().toString();
        try (TenantEvents tenants = new TenantEvents()) {
            tenants.organizationCreated(orgId, "demo");
        }
        waitFor("the demo organization in the tenant replica")
                .untilAsserted(() -> assertThat(replica.orgIdOf("demo")).isEqualTo(orgId));
        String user = "user-" + UUID.randomUUID();
        try (KycEvents kyc = new KycEvents()) {
            kyc.statusChanged(orgId, user, "case-demo", "verified");
        }
        String userToken = GatewayTokens.user(orgId, user, Roles.USER);
        waitFor("the demo user's wallet provisioned").untilAsserted(() -> assertThat(given().auth()
                        .oauth2(userToken)
                        .get("/wallets/me")
                        .then()
                        .extract()
                        .<String>path("status"))
                .isEqualTo("provisioned"));
        String walletId = given().auth()
                .oauth2(userToken)
                .get("/wallets/me")
                .then()
                .extract()
                .path("wallet_id");

        String transferId = given().auth()
                .oauth2(userToken)
                .header("Idempotency-Key", "demo-1")
                .contentType("application/json")
                .body(TransferTest.native_(TransferTest.newAddress(), "21"))
                .post("/wallets/" + walletId + "/transfers")
                .then()
                .statusCode(202)
                .extract()
                .path("transfer_id");
        // Polling is off in tests (1 h): Confirmed can only arrive by the sandbox's signed webhook to /demo.
        waitFor("the transfer confirmed by the sandbox's webhook").untilAsserted(() -> assertThat(given().auth()
                        .oauth2(userToken)
                        .get("/wallets/" + walletId + "/transfers/" + transferId)
                        .then()
                        .extract()
                        .<String>path("status"))
                .isEqualTo("confirmed"));

        // The previous secret of the rotation is still accepted; another is not.
        String body = DfnsWebhookTest.event(Instant.now().getEpochSecond());
        assertThat(webhook("demo", DfnsWebhookTest.sign(PREVIOUS_SECRET, body), body))
                .isEqualTo(200);
        assertThat(webhook(orgId, DfnsWebhookTest.sign(SECRET, body), body)).isEqualTo(200);
        assertThat(webhook("demo", DfnsWebhookTest.sign("whsec-other", body), body))
                .isEqualTo(401);
    }

    @Test
    void readinessSaysWhetherTheDefaultOrgsDfnsApiAnswersAndLivenessDoesNotCare() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'dfns' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'dfns' }.data.api", equalTo("reachable"));

        given().body("{\"kind\":\"server-error\",\"status\":503,\"count\":1,\"pathContains\":\"/wallets\"}")
                .post("/dfns/_sandbox/faults")
                .then()
                .statusCode(204);
        try {
            given().get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'dfns' }.status", equalTo("DOWN"));
            given().get("/q/health/live")
                    .then()
                    .statusCode(200)
                    .body("checks.name", org.hamcrest.Matchers.not(hasItem("dfns")));
        } finally {
            given().delete("/dfns/_sandbox/faults").then().statusCode(204);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static int webhook(String org, String signature, String body) {
        return given().contentType("application/json")
                .header("X-DFNS-WEBHOOK-SIGNATURE", signature)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/webhooks/dfns/" + org)
                .then()
                .extract()
                .statusCode();
    }
}
