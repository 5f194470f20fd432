package dev.attest.notification;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.events.Topics;
import dev.attest.common.security.Roles;
import dev.attest.contracts.EventTypes;
import dev.attest.notification.support.Receiver;
import dev.attest.notification.support.SmtpRelayResource;
import dev.attest.notification.support.Tenants;
import dev.attest.notification.support.WebhookApi;
import dev.attest.testing.EventData;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A business case (KYB) tells the person who applies for the business and reaches the project's endpoints; the events
 * of its owners' KYC cases and of the business's own wallet reach the endpoints only, as no one signs in as them.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(SmtpRelayResource.class)
@WithTestResource(GatewayTokens.class)
class BusinessNotificationTest {
    @Inject
    Tenants tenants;

    private final String org = "org-" + UUID.randomUUID();
    private final String project = "prj-" + UUID.randomUUID();
    private final String representative = "user-" + UUID.randomUUID();
    private final String businessCase = UUID.randomUUID().toString();
    private final String owner = "business-owner:" + UUID.randomUUID();
    private EventPublisher events;
    private WebhookApi webhooks;

    @BeforeEach
    void setUp() {
        events = new EventPublisher();
        webhooks = new WebhookApi(org, project);
        tenants.seed(events, org, project, "admin-of-" + org, "admin-" + UUID.randomUUID() + "@example.com");
    }

    @AfterEach
    void tearDown() {
        events.close();
        List<String> ids = webhooks.get("").extract().path("id");
        ids.forEach(webhooks::delete);
    }

    @Test
    void aBusinessCaseTellsItsRepresentativeAndItsOwnersCasesOnlyTheEndpoints() throws Exception {
        String endpoint;
        try (Receiver receiver = new Receiver()) {
            endpoint = webhooks.createEndpoint(Map.of("url", receiver.url("/hooks")))[0]; // every type
        }
        String ownerCase = UUID.randomUUID().toString();
        String businessKey = org + ":business:" + businessCase;
        events.send(
                Topics.KYC,
                EventTypes.Kyc.BUSINESS_CASE_OPENED,
                org,
                businessKey,
                Map.of(
                        "business_case_id",
                        businessCase,
                        "representative_user_id",
                        representative,
                        "project_id",
                        project,
                        "provider",
                        "persona",
                        "provider_reference",
                        "inq_business",
                        "owner_case_ids",
                        List.of(ownerCase)));
        events.send(
                Topics.KYC,
                EventTypes.Kyc.STATUS_CHANGED,
                org,
                org + ":" + owner,
                EventData.kycStatusChanged(ownerCase, owner, project, "verified"));
        events.send(
                Topics.KYC,
                EventTypes.Kyc.BUSINESS_STATUS_CHANGED,
                org,
                businessKey,
                Map.of(
                        "business_case_id", businessCase,
                        "representative_user_id", representative,
                        "project_id", project,
                        "status", "verified",
                        "previous_status", "pending",
                        "provider", "persona",
                        "decided_by", "provider"));

        List<String> types = waitFor("the three messages").until(() -> messageTypes(endpoint), all -> all.size() == 3);
        assertThat(types)
                .containsExactlyInAnyOrder(
                        EventTypes.Kyc.BUSINESS_CASE_OPENED,
                        EventTypes.Kyc.STATUS_CHANGED,
                        EventTypes.Kyc.BUSINESS_STATUS_CHANGED);
        assertThat(notifications(representative, "type")).containsExactly("kyb.verified", "kyb.started");
        assertThat(notifications(representative, "link")).containsOnly("/kyb/" + businessCase);
        // The owner is no account: the owner's KYC case left no in-app notification.
        assertThat(notifications(owner, "type")).isEmpty();
    }

    /** One field of each of the subject's notifications, newest first. */
    private List<String> notifications(String subject, String field) {
        return given().auth()
                .oauth2(GatewayTokens.user(org, subject, Roles.USER))
                .get("/notifications/me")
                .then()
                .statusCode(200)
                .extract()
                .path("items." + field);
    }

    private List<String> messageTypes(String endpoint) {
        return webhooks.get("/" + endpoint + "/messages")
                .statusCode(200)
                .extract()
                .path("event_type");
    }
}
