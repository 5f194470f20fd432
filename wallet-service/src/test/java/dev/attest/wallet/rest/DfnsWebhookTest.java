package dev.attest.wallet.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.support.DfnsAccount;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class DfnsWebhookTest {

    @Test
    void aSignedFreshEventIsAcceptedEvenWhenItConcernsNoKnownTransfer() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String body = event(Instant.now().getEpochSecond());
        post(org, sign(org.webhookSecret, body), body).statusCode(200);
    }

    @Test
    void aWrongSignatureIsRefused() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String body = event(Instant.now().getEpochSecond());
        post(org, sign("whsec_other", body), body)
                .statusCode(401)
                .body("type", equalTo("https://attest.dev/problems/invalid-signature"));
        post(org, null, body).statusCode(401);
        // A signature over other bytes: one changed byte of the body.
        post(org, sign(org.webhookSecret, body), body.replace("Confirmed", "Confirmee"))
                .statusCode(401);
    }

    @Test
    void duringARotationADeliverySignedWithEitherActiveSecretIsAccepted() {
        DfnsAccount org = DfnsAccount.register("EC");
        org.configure(java.util.Map.of("previous_webhook_secret", "whsec_previous"));
        String body = event(Instant.now().getEpochSecond());
        post(org, sign(org.webhookSecret, body), body).statusCode(200);
        post(org, sign("whsec_previous", body), body).statusCode(200);
        post(org, sign("whsec_retired", body), body).statusCode(401);
        given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/integrations/dfns")
                .then()
                .body("previous_webhook_secret", equalTo("********"));

        // The rotation ends: the previous secret is no longer accepted.
        org.configure();
        post(org, sign("whsec_previous", body), body).statusCode(401);
        post(org, sign(org.webhookSecret, body), body).statusCode(200);
    }

    @Test
    void aStaleEventIsRefused() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String body = event(Instant.now().getEpochSecond() - 301);
        post(org, sign(org.webhookSecret, body), body)
                .statusCode(400)
                .body("type", equalTo("https://attest.dev/problems/stale-webhook"));
    }

    @Test
    void anOrgWithoutAWebhookSecretHasNoEndpoint() {
        String body = event(Instant.now().getEpochSecond());
        given().contentType("application/json")
                .header("X-DFNS-WEBHOOK-SIGNATURE", sign("x", body))
                .body(body)
                .post("/webhooks/dfns/org-none")
                .then()
                .statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse post(DfnsAccount org, String signature, String body) {
        var request = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-DFNS-WEBHOOK-SIGNATURE", signature);
        }
        return request.post("/webhooks/dfns/" + org.orgId).then();
    }

    static String event(long timestampSent) {
        return "{\"id\":\"whe-1\",\"kind\":\"wallet.transfer.confirmed\",\"date\":\"2026-01-01T00:00:00Z\","
                + "\"data\":{\"transferRequest\":{\"id\":\"xfr-unknown\",\"walletId\":\"wa-1\",\"status\":\"Confirmed\"}},"
                + "\"timestampSent\":" + timestampSent + ",\"deliveryAttempt\":1}";
    }

    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
