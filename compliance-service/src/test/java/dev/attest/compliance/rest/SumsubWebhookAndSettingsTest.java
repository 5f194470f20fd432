package dev.attest.compliance.rest;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.attest.common.security.Roles;
import dev.attest.compliance.client.SumsubSigning;
import dev.attest.compliance.support.SumsubOrg;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sumsub webhooks refused for their digest, organization or size, with nothing stored; settings and Test Connection. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class SumsubWebhookAndSettingsTest {
    @Inject
    AgroalDataSource dataSource;

    private TestDatabase sql() {
        return new TestDatabase(dataSource);
    }

    @Test
    void forgedMislabelledUnsignedOversizedAndUnknownOrganizationsWebhooksAreRefusedAndNothingIsStored() {
        SumsubOrg org = SumsubOrg.create(dataSource, false);
        JsonPath started =
                org.start("user-forged").then().statusCode(200).extract().jsonPath();
        byte[] body = SumsubFlowTest.webhook(
                started.getString("provider_reference"),
                started.getString("case_id"),
                "applicantReviewed",
                "completed",
                "{\"reviewAnswer\":\"GREEN\"}",
                OffsetDateTime.now());
        String sha256 = SumsubSigning.DigestAlg.HMAC_SHA256_HEX.digest(org.webhookSecret(), body);

        // Another secret's digest; the right digest under another algorithm's name; an algorithm Sumsub does not use.
        refused(
                        org.id(),
                        SumsubSigning.DigestAlg.HMAC_SHA256_HEX.digest("not-the-secret", body),
                        "HMAC_SHA256_HEX",
                        body)
                .body("detail", startsWith("the digest matches no webhook secret"));
        refused(org.id(), sha256, "HMAC_SHA512_HEX", body);
        refused(org.id(), sha256, "MD5_HEX", body);
        refused(org.id(), null, "HMAC_SHA256_HEX", body);
        // The body changed after digesting.
        byte[] altered =
                new String(body, StandardCharsets.UTF_8).replace("GREEN", "RED").getBytes(StandardCharsets.UTF_8);
        refused(org.id(), sha256, "HMAC_SHA256_HEX", altered);
        // An organization this service does not know has no secret: whatever the digest, refused.
        refused("org-" + UUID.randomUUID(), sha256, "HMAC_SHA256_HEX", body);
        // Oversized: refused before anything is read or checked.
        byte[] huge = new byte[262_145];
        Arrays.fill(huge, (byte) ' ');
        given().header("X-Payload-Digest", SumsubSigning.DigestAlg.HMAC_SHA256_HEX.digest(org.webhookSecret(), huge))
                .contentType(ContentType.JSON)
                .body(huge)
                .post("/webhooks/sumsub/" + org.id())
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        // Signed, but not a Sumsub webhook.
        org.deliver("[1,2]".getBytes(StandardCharsets.UTF_8))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        assertThat(sql().count("select count(*) from sumsub_webhook where org_id = ?", org.id()))
                .isZero();
        assertThat(org.caseOf(started.getString("case_id")).status()).isEqualTo("pending");

        // The genuine delivery is taken, once.
        org.deliver(body).then().statusCode(200).body("status", equalTo("accepted"));
        org.deliver(body).then().statusCode(200).body("status", equalTo("duplicate"));
        waitFor("the genuine webhook applied").until(() -> "verified"
                .equals(org.caseOf(started.getString("case_id")).status()));
    }

    @Test
    void aWebhookDatedFarAheadIsAcknowledgedAndNotStored() {
        SumsubOrg org = SumsubOrg.create(dataSource, false);
        JsonPath started =
                org.start("user-future").then().statusCode(200).extract().jsonPath();
        byte[] body = SumsubFlowTest.webhook(
                started.getString("provider_reference"),
                started.getString("case_id"),
                "applicantReviewed",
                "completed",
                "{\"reviewAnswer\":\"GREEN\"}",
                OffsetDateTime.now().plusDays(1));
        org.deliver(body).then().statusCode(200).body("status", equalTo("refused"));
        assertThat(sql().count("select count(*) from sumsub_webhook where org_id = ?", org.id()))
                .isZero();
    }

    @Test
    void settingsAreValidatedAndShownMasked() {
        String orgId = "org-" + UUID.randomUUID();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("app_token", "not-an-app-token"),
                Map.of("app_token", "sbx:with space"),
                Map.of("secret_key", "short"),
                Map.of("level_name", "-starts-with-dash"),
                Map.of("webhook_secrets", List.of("one-secret-1", "two-secret-2", "three-secret")),
                Map.of("digest_alg", "MD5"),
                Map.of("required_steps", List.of("selfie", "selfie")))) {
            admin(orgId)
                    .body(bad)
                    .put("/orgs/" + orgId + "/integrations/sumsub")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        assertThat(sql().count("select count(*) from sumsub_settings where org_id = ?", orgId))
                .isZero();
        admin(orgId)
                .get("/orgs/" + orgId + "/integrations/sumsub")
                .then()
                .statusCode(200)
                .body("source", equalTo("none"));

        SumsubOrg org = SumsubOrg.create(dataSource, false);
        JsonPath view = org.admin()
                .get("/orgs/" + org.id() + "/integrations/sumsub")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(view.getString("app_token"))
                .isEqualTo("****" + org.appToken().substring(org.appToken().length() - 4));
        assertThat(view.getString("secret_key")).startsWith("****").doesNotContain(org.secretKey());
        assertThat(view.getString("level_name")).isEqualTo(SumsubOrg.LEVEL);
        assertThat(view.getString("digest_alg")).isEqualTo("HMAC_SHA256_HEX");
        assertThat(view.getList("required_steps")).containsExactly("government-id", "selfie");
        assertThat(view.getString("source")).isEqualTo("organization");
        // Sealed at rest.
        assertThat(sql().rowsContaining(org.secretKey())).isZero();
        assertThat(sql().rowsContaining(org.appToken())).isZero();
    }

    @Test
    void testConnectionClassifiesTheAppAndTheWebhookSecrets() {
        SumsubOrg org = SumsubOrg.create(dataSource, false);
        JsonPath ok = test(org, Map.of());
        assertThat(ok.getString("app_token.result")).isEqualTo("ok");
        assertThat(ok.getString("webhook_secret.result")).isEqualTo("ok");

        String payload = "{\"type\":\"applicantCreated\",\"applicantId\":\"x\"}";
        String digest = SumsubSigning.DigestAlg.HMAC_SHA512_HEX.digest(
                org.webhookSecret(), payload.getBytes(StandardCharsets.UTF_8));
        assertThat(test(org, Map.of("payload", payload, "digest", digest, "digest_alg", "HMAC_SHA512_HEX"))
                        .getString("webhook_secret.result"))
                .isEqualTo("ok");
        assertThat(test(org, Map.of("payload", payload + " ", "digest", digest, "digest_alg", "HMAC_SHA512_HEX"))
                        .getString("webhook_secret.result"))
                .isEqualTo("signature-mismatch");

        // A wrong secret key: Sumsub refuses the signature, told as a class and a fixed sentence.
        org.admin()
                .body(Map.of("secret_key", "wrong_secret_key"))
                .put("/orgs/" + org.id() + "/integrations/sumsub")
                .then()
                .statusCode(200);
        JsonPath refused = test(org, Map.of());
        assertThat(refused.getString("app_token.result")).isEqualTo("unauthorized");
        assertThat(refused.getString("app_token.detail")).isEqualTo("Sumsub refused the app token or secret key.");

        String bare = "org-" + UUID.randomUUID();
        JsonPath none = admin(bare)
                .body(Map.of())
                .post("/orgs/" + bare + "/integrations/sumsub/test")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(none.getString("app_token.result")).isEqualTo("not-configured");
        assertThat(none.getString("webhook_secret.result")).isEqualTo("not-configured");
    }

    @Test
    void aStartInAnOrganizationWithoutSumsubSettingsIsAClearProblem() {
        SumsubOrg org = SumsubOrg.create(dataSource, false);
        sql().update("delete from sumsub_settings where org_id = ?", org.id());
        org.start("user-unconfigured")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("sumsub-not-configured"));
    }

    private static io.restassured.response.ValidatableResponse refused(
            String org, String digest, String alg, byte[] body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (digest != null) {
            request.header("X-Payload-Digest", digest);
        }
        request.header("X-Payload-Digest-Alg", alg);
        return request.post("/webhooks/sumsub/" + org).then().statusCode(401).contentType("application/problem+json");
    }

    private static JsonPath test(SumsubOrg org, Map<String, Object> body) {
        return org.admin()
                .body(body)
                .post("/orgs/" + org.id() + "/integrations/sumsub/test")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static io.restassured.specification.RequestSpecification admin(String orgId) {
        return given().auth()
                .oauth2(GatewayTokens.user(orgId, "admin-of-" + orgId, Roles.ORG_ADMIN))
                .contentType(ContentType.JSON);
    }
}
