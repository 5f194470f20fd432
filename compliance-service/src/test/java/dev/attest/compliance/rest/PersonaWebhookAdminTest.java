package dev.attest.compliance.rest;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.common.security.Roles;
import dev.attest.compliance.support.PersonaSigner;
import dev.attest.compliance.support.TestOrg;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admins inspect the webhooks kept aside and the deliveries refused for their signature, each only their own. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class PersonaWebhookAdminTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOrgAdminPagesThroughItsUnmatchedWebhooksAndRefusedDeliveriesAndSeesNoOtherOrganizations() {
        TestOrg org = TestOrg.create("none");
        TestOrg other = TestOrg.create("none");
        String first = PersonaWebhookTest.newEventId();
        String second = PersonaWebhookTest.newEventId();
        deliver(org, org.webhookSecret(), first).then().statusCode(200);
        deliver(org, org.webhookSecret(), second).then().statusCode(200);
        deliver(org, "wbhsec_not_the_secret", PersonaWebhookTest.newEventId())
                .then()
                .statusCode(401);
        String othersEvent = PersonaWebhookTest.newEventId();
        deliver(other, other.webhookSecret(), othersEvent).then().statusCode(200);
        TestDatabase sql = new TestDatabase(dataSource);
        waitFor("the three webhooks unmatched")
                .until(
                        () -> sql.count(
                                "select count(*) from persona_webhook where event_id in (?, ?, ?) and state = 'unmatched'",
                                first,
                                second,
                                othersEvent),
                        n -> n == 3);

        JsonPath page0 = org.admin()
                .queryParam("size", 1)
                .get("/orgs/" + org.id() + "/integrations/persona/webhooks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath page1 = org.admin()
                .queryParam("size", 1)
                .queryParam("page", 1)
                .get("/orgs/" + org.id() + "/integrations/persona/webhooks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page0.getLong("total")).isEqualTo(2);
        assertThat(List.of(page0.getString("items[0].event_id"), page1.getString("items[0].event_id")))
                .containsExactlyInAnyOrder(first, second);
        assertThat(page0.getString("items[0].state")).isEqualTo("unmatched");
        org.admin()
                .queryParam("state", "failed")
                .get("/orgs/" + org.id() + "/integrations/persona/webhooks")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        org.admin()
                .queryParam("state", "applied")
                .get("/orgs/" + org.id() + "/integrations/persona/webhooks")
                .then()
                .statusCode(400);

        org.admin()
                .get("/orgs/" + org.id() + "/integrations/persona/webhooks/refusals")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].reason", equalTo("mismatch"))
                .body("items[0].path_org", equalTo(org.id()));

        // Another organization's admin: 404 on this one's paths, and nothing of it in their own lists.
        other.admin()
                .get("/orgs/" + org.id() + "/integrations/persona/webhooks")
                .then()
                .statusCode(404);
        other.admin()
                .get("/orgs/" + org.id() + "/integrations/persona/webhooks/refusals")
                .then()
                .statusCode(404);
        other.admin()
                .get("/orgs/" + other.id() + "/integrations/persona/webhooks")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].event_id", equalTo(othersEvent));
        other.admin()
                .get("/orgs/" + other.id() + "/integrations/persona/webhooks/refusals")
                .then()
                .body("total", equalTo(0));
        org.user("someone")
                .get("/orgs/" + org.id() + "/integrations/persona/webhooks")
                .then()
                .statusCode(403);
    }

    @Test
    void refusalsForAPathNamingNoKnownOrganizationAreForPlatformAdminsOnly() {
        String nobody = "org-nobody-" + UUID.randomUUID();
        byte[] body = PersonaWebhookTest.event(PersonaWebhookTest.newEventId(), "inq_x", "completed");
        given().header(
                        "Persona-Signature",
                        PersonaSigner.header("wbhsec_guess", Instant.now().getEpochSecond(), body))
                .contentType("application/json")
                .body(body)
                .post("/webhooks/persona/" + nobody)
                .then()
                .statusCode(401);

        List<String> paths = given().auth()
                .oauth2(GatewayTokens.user("org-platform-" + UUID.randomUUID(), "operator", Roles.PLATFORM_ADMIN))
                .queryParam("size", 100)
                .get("/platform/persona/webhooks/refusals")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.path_org");
        assertThat(paths).contains(nobody);
        TestOrg org = TestOrg.create("none");
        org.admin().get("/platform/persona/webhooks/refusals").then().statusCode(403);
        org.admin()
                .get("/orgs/" + org.id() + "/integrations/persona/webhooks/refusals")
                .then()
                .body("total", equalTo(0));
    }

    private static io.restassured.response.Response deliver(TestOrg org, String secret, String eventId) {
        byte[] body = PersonaWebhookTest.event(
                eventId, "inq_" + UUID.randomUUID().toString().replace("-", ""), "completed");
        return given().header(
                        "Persona-Signature",
                        PersonaSigner.header(secret, Instant.now().getEpochSecond(), body))
                .contentType("application/json")
                .body(body)
                .post("/webhooks/persona/" + org.id());
    }
}
