package dev.attest.wallet.rest;

import static dev.attest.wallet.rest.TransferTest.newAddress;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.attest.testing.AnvilResource;
import dev.attest.testing.BundlerResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.support.SponsoredUsers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A project's sponsorship policy as its org admin reads and sets it: defaults, validation, secrets, isolation. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(BundlerResource.class)
@WithTestResource(GatewayTokens.class)
class SponsorshipPolicyApiTest {
    private SponsoredUsers world;

    @BeforeEach
    void newOrganization() {
        world = SponsoredUsers.newOrganization();
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aProjectWithoutPolicySponsorsNothing() {
        world.policy()
                .statusCode(200)
                .body("project_id", equalTo(world.projectId))
                .body("enabled", equalTo(false))
                .body("paymaster.kind", equalTo("platform"))
                .body("monthly_budget", nullValue())
                .body("native_allowed", equalTo(true))
                .body("allowed_tokens", nullValue())
                .body("usage.spent", equalTo("0"))
                .body("usage.reserved", equalTo("0"))
                .body("usage.remaining", nullValue())
                .body("usage.operations", equalTo(0));
    }

    @Test
    void thePolicyIsStoredAsSetWithAddressesInLowerCaseOnce() {
        String token = newAddress();
        world.setPolicy(
                "{\"enabled\":true,\"monthly_budget\":\"5000\",\"user_daily_cap\":\"700\",\"native_allowed\":false,"
                        + "\"allowed_tokens\":[\"" + token + "\",\"" + token.toLowerCase(Locale.ROOT)
                        + "\"],\"allowed_recipients\":[]}");
        world.policy()
                .statusCode(200)
                .body("enabled", equalTo(true))
                .body("monthly_budget", equalTo("5000"))
                .body("user_daily_cap", equalTo("700"))
                .body("native_allowed", equalTo(false))
                .body("allowed_tokens.size()", equalTo(1))
                .body("allowed_tokens[0]", equalTo(token.toLowerCase(Locale.ROOT)))
                .body("allowed_recipients.size()", equalTo(0))
                .body("usage.remaining", equalTo("5000"))
                .body("updated_by", not(nullValue()));
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndNothingIsStored() {
        invalid("{\"enabled\":true}", "monthly_budget");
        invalid("{\"enabled\":true,\"monthly_budget\":\"0\"}", "monthly_budget");
        invalid("{\"enabled\":true,\"monthly_budget\":\"12.5\"}", "monthly_budget");
        invalid(
                "{\"enabled\":true,\"monthly_budget\":\"10\",\"allowed_recipients\":[\"0xabc\"]}",
                "allowed_recipients[0]");
        invalid("{\"enabled\":true,\"paymaster_kind\":\"external\"}", "paymaster_url");
        invalid("{\"enabled\":true,\"paymaster_kind\":\"someone\"}", "paymaster_kind");
        invalid(
                "{\"enabled\":true,\"monthly_budget\":\"10\",\"paymaster_url\":\"https://paymaster.example\"}",
                "paymaster_url");
        put("{\"enabled\":true,\"paymaster_kind\":\"external\",\"paymaster_url\":\"http://169.254.169.254/rpc\"}")
                .statusCode(400)
                .body("type", containsString("paymaster-url-refused"));
        world.policy().statusCode(200).body("enabled", equalTo(false)).body("updated_at", nullValue());
    }

    @Test
    void anExternalPaymastersKeyIsWriteOnly() {
        String external = "{\"enabled\":true,\"paymaster_kind\":\"external\",\"paymaster_url\":\"https://1.1.1.1/rpc\"";
        put(external + ",\"paymaster_api_key\":\"pk-secret-value\"}")
                .statusCode(200)
                .body("paymaster.kind", equalTo("external"))
                .body("paymaster.url", equalTo("https://1.1.1.1/rpc"))
                .body("paymaster.api_key_set", equalTo(true))
                .body(not(containsString("pk-secret-value")));
        put(external + "}").statusCode(200).body("paymaster.api_key_set", equalTo(true));
        put(external + ",\"paymaster_api_key\":\"\"}").statusCode(200).body("paymaster.api_key_set", equalTo(false));
    }

    @Test
    void anotherOrganizationsProjectIsNotFound() {
        SponsoredUsers other = SponsoredUsers.newOrganization();
        try {
            given().auth()
                    .oauth2(other.org.admin())
                    .get("/orgs/" + other.org.orgId + "/sponsorship/" + world.projectId)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(other.org.admin())
                    .contentType("application/json")
                    .body("{\"enabled\":false}")
                    .put("/orgs/" + other.org.orgId + "/sponsorship/" + world.projectId)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(other.org.admin())
                    .get("/orgs/" + world.org.orgId + "/sponsorship/" + world.projectId)
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(world.org.admin())
                    .get("/orgs/" + world.org.orgId + "/sponsorship/project-" + UUID.randomUUID())
                    .then()
                    .statusCode(404);
            given().auth()
                    .oauth2(world.org.user("user-" + UUID.randomUUID()))
                    .get("/orgs/" + world.org.orgId + "/sponsorship/" + world.projectId)
                    .then()
                    .statusCode(403);
        } finally {
            other.close();
        }
        world.policy().statusCode(200).body("enabled", equalTo(false));
    }

    private void invalid(String body, String field) {
        put(body)
                .statusCode(400)
                .body("type", containsString("validation-failed"))
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.endsWith(field)));
    }

    private io.restassured.response.ValidatableResponse put(String body) {
        return given().auth()
                .oauth2(world.org.admin())
                .contentType("application/json")
                .body(body)
                .put("/orgs/" + world.org.orgId + "/sponsorship/" + world.projectId)
                .then();
    }
}
