package dev.attest.notification.webhook;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.events.Topics;
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
import org.junit.jupiter.api.Test;

/** Which domain events become webhook messages of a project (docs/events.md, Webhooks). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(SmtpRelayResource.class)
@WithTestResource(GatewayTokens.class)
class WebhookEventTypesTest {
    private static final String CLAIM_ID = "0x" + "ab".repeat(32);
    private static final String TX_HASH = "0x" + "cd".repeat(32);

    @Inject
    Tenants tenants;

    private final String org = "org-" + UUID.randomUUID();
    private final String project = "prj-" + UUID.randomUUID();
    private final String user = "user-" + UUID.randomUUID();

    @Test
    void aClaimReachesTheEndpointOnceAsClaimIssuedAndNotAgainAsClaimRecorded() throws Exception {
        WebhookApi api = new WebhookApi(org, project);
        try (EventPublisher events = new EventPublisher();
                Receiver receiver = new Receiver()) {
            tenants.seed(events, org, project, "admin-of-" + org, "admin-" + UUID.randomUUID() + "@example.com");
            String endpoint = api.createEndpoint(Map.of("url", receiver.url("/hooks")))[0]; // every type
            String key = org + ":" + user;
            String caseId = UUID.randomUUID().toString();

            events.send(
                    Topics.KYC, EventTypes.Kyc.CASE_OPENED, org, key, EventData.kycCaseOpened(caseId, user, project));
            events.send(
                    Topics.KYC,
                    EventTypes.Kyc.CLAIM_RECORDED,
                    org,
                    key,
                    Map.of("case_id", caseId, "user_id", user, "kyc_claim_id", CLAIM_ID, "kyc_claim_tx_hash", TX_HASH));
            // Behind claim-recorded on its partition: once this one is a message, claim-recorded was consumed.
            events.send(
                    Topics.KYC,
                    EventTypes.Kyc.STATUS_CHANGED,
                    org,
                    key,
                    EventData.kycStatusChanged(caseId, user, project, "verified"));
            waitFor("the status change's message")
                    .until(() -> messageTypes(api, endpoint), types -> types.contains("attest.kyc.status-changed.v1"));
            // After the case's events: the user's project is known here by then.
            events.send(
                    Topics.IDENTITY,
                    EventTypes.Identity.CLAIM_ISSUED,
                    org,
                    key,
                    EventData.claimIssued(user, caseId, CLAIM_ID, TX_HASH));

            List<String> types = waitFor("the claim's message")
                    .until(() -> messageTypes(api, endpoint), all -> all.contains("attest.identity.claim-issued.v1"));
            assertThat(types)
                    .containsExactlyInAnyOrder(
                            "attest.kyc.case-opened.v1",
                            "attest.kyc.status-changed.v1",
                            "attest.identity.claim-issued.v1");
        } finally {
            List<String> ids = api.get("").extract().path("id");
            ids.forEach(api::delete);
        }
    }

    private static List<String> messageTypes(WebhookApi api, String endpoint) {
        return api.get("/" + endpoint + "/messages").statusCode(200).extract().path("event_type");
    }
}
