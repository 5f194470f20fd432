package dev.attest.compliance.rest;

import static dev.attest.testing.TopicReader.header;
import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.events.Topics;
import dev.attest.compliance.client.PersonaClient;
import dev.attest.compliance.support.DemoOrg;
import dev.attest.compliance.support.PersonaSigner;
import dev.attest.compliance.support.ProjectTokens;
import dev.attest.compliance.support.TenantEvents;
import dev.attest.compliance.support.TestOrg;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import dev.attest.testing.TopicReader;
import dev.attest.testing.Waits;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The tenant replica, the project's provider, personal data sent to Persona, and the credentials alert. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class TenantAndProvidersTest {
    private static final String CREDENTIALS_REJECTED = "attest.kyc.provider-credentials-rejected.v1";

    @Inject
    CircuitBreakerMaintenance circuits;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theDefaultOrganizationConfiguredBySlugOwnsTheDefaultWebhooksAndConfiguredSettings() {
        DemoOrg.ensure();
        String eventId = PersonaWebhookTest.newEventId();
        byte[] body = PersonaWebhookTest.event(eventId, "inq_demo", "completed");
        given().header(
                        "Persona-Signature",
                        PersonaSigner.header("wbhsec_sandbox", Instant.now().getEpochSecond(), body))
                .contentType("application/json")
                .body(body)
                .post("/webhooks/persona/inquiry")
                .then()
                .statusCode(200)
                .body("status", equalTo("accepted"));

        assertThat(sql().scalar("select org_id from persona_webhook where event_id = ?", eventId))
                .isEqualTo(DemoOrg.ID);
        // The organization's own path may name it by slug as well.
        String bySlug = PersonaWebhookTest.newEventId();
        byte[] slugBody = PersonaWebhookTest.event(bySlug, "inq_demo", "completed");
        given().header(
                        "Persona-Signature",
                        PersonaSigner.header("wbhsec_sandbox", Instant.now().getEpochSecond(), slugBody))
                .contentType("application/json")
                .body(slugBody)
                .post("/webhooks/persona/" + DemoOrg.SLUG)
                .then()
                .statusCode(200);
        assertThat(sql().scalar("select org_id from persona_webhook where event_id = ?", bySlug))
                .isEqualTo(DemoOrg.ID);
        given().auth()
                .oauth2(GatewayTokens.user(DemoOrg.ID, "demo-admin", "org-admin"))
                .get("/orgs/" + DemoOrg.ID + "/integrations/persona")
                .then()
                .statusCode(200)
                .body("source", equalTo("configuration"))
                .body("inquiry_template_id", equalTo("itmpl_default"));
        // Admin paths name the organization by id or by slug, as at the gateway; another one's slug is 404.
        given().auth()
                .oauth2(GatewayTokens.user(DemoOrg.ID, "demo-admin", "org-admin"))
                .get("/orgs/" + DemoOrg.SLUG + "/integrations/persona")
                .then()
                .statusCode(200)
                .body("source", equalTo("configuration"));
        TestOrg.create("none")
                .admin()
                .get("/orgs/" + DemoOrg.SLUG + "/kyc/cases")
                .then()
                .statusCode(404);
    }

    @Test
    void tenantEventsApplyOnceAndAnOlderUpdateNeverOverwritesANewerOne() {
        String orgId = UUID.randomUUID().toString();
        OffsetDateTime t0 = OffsetDateTime.now().minusMinutes(3);
        TenantEvents.organization(
                "evt-a-" + orgId, EventTypes.Tenant.ORGANIZATION_CREATED, orgId, "first-" + orgId, t0);
        TenantEvents.organization(
                "evt-c-" + orgId, EventTypes.Tenant.ORGANIZATION_UPDATED, orgId, "newest-" + orgId, t0.plusMinutes(2));
        TenantEvents.organization(
                "evt-b-" + orgId, EventTypes.Tenant.ORGANIZATION_UPDATED, orgId, "older-" + orgId, t0.plusMinutes(1));
        TenantEvents.organization(
                "evt-c-" + orgId, EventTypes.Tenant.ORGANIZATION_UPDATED, orgId, "newest-" + orgId, t0.plusMinutes(2));
        // Same key, same partition: once the project is there, every organization event before it was consumed.
        String projectId = UUID.randomUUID().toString();
        TenantEvents.project(orgId, projectId, "persona");
        waitFor("the project in the tenant replica")
                .until(
                        () -> sql().count("select count(*) from attest_tenant_project where project_id = ?", projectId),
                        n -> n == 1);

        assertThat(sql().scalar("select slug from attest_tenant_organization where org_id = ?", orgId))
                .isEqualTo("newest-" + orgId);
        assertThat(sql().count(
                                "select count(*) from attest_inbox where consumer = 'tenant-replica' and event_id like ?",
                                "evt-%-" + orgId))
                .isEqualTo(3);
    }

    @Test
    void theProjectsKycProviderChoosesTheProviderAndAnUnsupportedOneOpensNoCase() {
        TestOrg org = TestOrg.create("none");
        String personaProject = UUID.randomUUID().toString();
        String otherProvidersProject = UUID.randomUUID().toString();
        String foreignProject = UUID.randomUUID().toString();
        TenantEvents.project(org.id(), personaProject, "persona");
        TenantEvents.project(org.id(), otherProvidersProject, "onfido");
        TenantEvents.project("org-" + UUID.randomUUID(), foreignProject, "onfido");
        waitFor("the three projects in the tenant replica")
                .until(
                        () -> sql().count(
                                        "select count(*) from attest_tenant_project where project_id in (?, ?, ?)",
                                        personaProject,
                                        otherProvidersProject,
                                        foreignProject),
                        n -> n == 3);

        String refused = "user-" + UUID.randomUUID();
        startIn(org, otherProvidersProject, refused)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/kyc-provider-unsupported"));
        assertThat(sql().count("select count(*) from kyc_case where user_id = ?", refused))
                .isZero();

        String user = "user-" + UUID.randomUUID();
        String caseId = startIn(org, personaProject, user)
                .then()
                .statusCode(200)
                .extract()
                .path("case_id");
        assertThat(sql().scalar("select project_id || '/' || provider from kyc_case where id = ?::uuid", caseId))
                .isEqualTo(personaProject + "/persona");

        // Another organization's project is no project of this one: the default provider applies.
        String stranger = "user-" + UUID.randomUUID();
        startIn(org, foreignProject, stranger).then().statusCode(200);
    }

    @Test
    void personalDataGoesToPersonaAsInquiryFieldsAndThisServiceKeepsNoneOfIt() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        Map<String, Object> personalInfo = Map.of(
                "first_name", "Augusta",
                "last_name", "Byronovna",
                "birthdate", "1815-12-10",
                "email", "augusta.byronovna@example.org",
                "phone", "+441234567890",
                "address", Map.of("street_1", "12 Marylebone Crescent", "city", "Londinium", "country_code", "GB"));
        JsonPath started = org.user(user)
                .body(Map.of(
                        "user_id",
                        user,
                        "document_type",
                        "passport",
                        "personal_info",
                        personalInfo,
                        "document_data",
                        Map.of("number", "P98765432Q")))
                .post("/compliance/kyc")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        JsonPath atPersona = given().auth()
                .oauth2(org.apiKey())
                .get("/persona/api/v1/inquiries/" + started.getString("persona_inquiry_id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(atPersona.getMap("data.attributes.fields"))
                .containsEntry("name-first", "Augusta")
                .containsEntry("name-last", "Byronovna")
                .containsEntry("birthdate", "1815-12-10")
                .containsEntry("email-address", "augusta.byronovna@example.org")
                .containsEntry("phone-number", "+441234567890")
                .containsEntry("address-street-1", "12 Marylebone Crescent")
                .containsEntry("address-city", "Londinium")
                .containsEntry("address-country-code", "GB")
                .containsEntry("identification-number", "P98765432Q");

        TestDatabase sql = sql();
        for (String value : List.of(
                "Augusta",
                "Byronovna",
                "1815-12-10",
                "augusta.byronovna",
                "441234567890",
                "Marylebone",
                "Londinium",
                "P98765432Q")) {
            assertThat(sql.rowsContaining(value)).as("rows holding " + value).isZero();
        }
        assertThat(sql.count(
                        "select count(*) from kyc_case where id = ?::uuid and personal_info_enc is null"
                                + " and document_data_enc is null",
                        started.getString("case_id")))
                .as("sealed copies erased once Persona has the data")
                .isEqualTo(1);
    }

    @Test
    void personalDataOfTheWrongShapeIsRefusedAndOpensNoCase() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        org.user(user)
                .body(Map.of(
                        "user_id",
                        user,
                        "document_type",
                        "passport",
                        "personal_info",
                        Map.of("first_name", "Ada", "birthdate", "10/12/1815")))
                .post("/compliance/kyc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/invalid-applicant-data"))
                .body("detail", equalTo("personal_info.birthdate must be a date YYYY-MM-DD."));
        org.user(user)
                .body(Map.of("user_id", user, "document_type", "passport", "document_data", List.of("X1")))
                .post("/compliance/kyc")
                .then()
                .statusCode(400);
        assertThat(sql().count("select count(*) from kyc_case where user_id = ?", user))
                .isZero();
    }

    @Test
    void aRefusedApiKeyRaisesOneCredentialsAlertAnHourForTheOrganization() {
        TestOrg org = TestOrg.create("none");
        org.admin()
                .body(Map.of("api_key", "key_persona_does_not_know_" + UUID.randomUUID()))
                .put("/orgs/" + org.id() + "/integrations/persona")
                .then()
                .statusCode(200);

        for (int i = 0; i < 2; i++) {
            String user = "user-" + UUID.randomUUID();
            KycFlowTest.start(org, user)
                    .then()
                    .statusCode(502)
                    .body("type", equalTo("https://attest.dev/problems/kyc-provider-misconfigured"));
        }
        org.admin()
                .post("/orgs/" + org.id() + "/integrations/persona/test")
                .then()
                .statusCode(200)
                .body("api_key.ok", equalTo(false));

        try (TopicReader reader = TopicReader.of(Topics.KYC)) {
            reader.readUntil(records -> !alertsOf(records, org.id()).isEmpty(), Waits.TIMEOUT);
            List<ConsumerRecord<String, byte[]>> alerts = alertsOf(reader.readFor(Duration.ofSeconds(2)), org.id());
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).key()).isEqualTo(org.id());
            JsonNode data = json(alerts.get(0).value());
            assertThat(data.get("provider").asText()).isEqualTo("persona");
            assertThat(data.get("operation").asText()).isEqualTo("create-inquiry");
            assertThat(data.get("status_code").asInt()).isEqualTo(401);
            assertThat(data.size()).as("no other field, no secret").isEqualTo(3);
        }
    }

    @Test
    void aForbiddenAnswerRaisesTheAlertToo() {
        TestOrg org = TestOrg.create("none");
        given().contentType("application/json")
                .body(Map.of("api_key", org.apiKey(), "fail_next", 1, "status", 403))
                .post("/persona/_sandbox/faults")
                .then()
                .statusCode(204);
        KycFlowTest.start(org, "user-" + UUID.randomUUID())
                .then()
                .statusCode(502)
                .body("type", equalTo("https://attest.dev/problems/kyc-provider-misconfigured"));

        try (TopicReader reader = TopicReader.of(Topics.KYC)) {
            List<ConsumerRecord<String, byte[]>> alerts = alertsOf(
                    reader.readUntil(records -> !alertsOf(records, org.id()).isEmpty(), Waits.TIMEOUT), org.id());
            assertThat(alerts).hasSize(1);
            assertThat(json(alerts.get(0).value()).get("status_code").asInt()).isEqualTo(403);
        }
    }

    @Test
    void anOpenCircuitAnswers503WithoutCallingPersonaAndAHalfOpenCallRecovers() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        org.scriptFaults(1000, 503);
        // Enough failing calls to fill the breaker's window (10 calls, half of them failing opens it).
        for (int i = 0; i < 12; i++) {
            KycFlowTest.start(org, user).then().statusCode(503);
        }
        assertThat(circuits.currentState(PersonaClient.CIRCUIT))
                .as("Persona's one circuit, for every call")
                .isEqualTo(CircuitBreakerState.OPEN);
        String caseId = sql().scalar("select id::text from kyc_case where user_id = ?", user)
                .toString();
        org.scriptFaults(0, 500);

        // Persona is healthy again, but the open circuit answers at once and nothing reaches it.
        KycFlowTest.start(org, user)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/kyc-provider-unavailable"));
        assertThat(org.inquiriesAtPersona(caseId)).isZero();

        // After the breaker's delay a trial call goes through and closes it.
        int status = waitFor("a start once the breaker lets a trial call through")
                .until(() -> KycFlowTest.start(org, user).then().extract().statusCode(), code -> code == 200);
        assertThat(status).isEqualTo(200);
        assertThat(org.inquiriesAtPersona(caseId)).isEqualTo(1);
    }

    @Test
    void aPersonaSlowerThanTheRequestTimeoutAnswers503AndTheRetryFindsTheSameCase() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        scriptSlowness(org, 3_500);
        KycFlowTest.start(org, user)
                .then()
                .statusCode(503)
                .body("type", equalTo("https://attest.dev/problems/kyc-provider-unavailable"));
        scriptSlowness(org, 0);

        String caseId =
                KycFlowTest.start(org, user).then().statusCode(200).extract().path("case_id");
        assertThat(sql().count("select count(*) from kyc_case where user_id = ?", user))
                .isEqualTo(1);
        // The slow calls may have created the inquiry before timing out: the idempotency key makes it one.
        assertThat(org.inquiriesAtPersona(caseId)).isEqualTo(1);
    }

    private static void scriptSlowness(TestOrg org, long delayMs) {
        given().contentType("application/json")
                .body(Map.of("api_key", org.apiKey(), "fail_next", 0, "delay_ms", delayMs))
                .post("/persona/_sandbox/faults")
                .then()
                .statusCode(204);
    }

    private static io.restassured.response.Response startIn(TestOrg org, String projectId, String user) {
        return given().auth()
                .oauth2(ProjectTokens.user(org.id(), projectId, user))
                .contentType("application/json")
                .body(Map.of("user_id", user, "document_type", "passport"))
                .post("/compliance/kyc");
    }

    private static List<ConsumerRecord<String, byte[]>> alertsOf(
            List<ConsumerRecord<String, byte[]>> records, String orgId) {
        return records.stream()
                .filter(r -> CREDENTIALS_REJECTED.equals(header(r, "ce_type")) && orgId.equals(header(r, "ce_orgid")))
                .toList();
    }

    private static JsonNode json(byte[] value) {
        try {
            return new ObjectMapper().readTree(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestDatabase sql() {
        return new TestDatabase(dataSource);
    }
}
