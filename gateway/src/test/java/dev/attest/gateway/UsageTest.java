package dev.attest.gateway;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.gateway.support.Tenants;
import dev.attest.testing.EventData;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class UsageTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void requestsAtTheEdgeAreCountedPerProjectAndDay() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        String key = Tenants.apiKey(org, projectId, "identities:read").key();
        given().auth().oauth2(key).get("/identities/a").then().statusCode(201);
        given().auth().oauth2(key).get("/identities/b").then().statusCode(201);

        JsonPath usage = usage(org);

        assertThat(countOf(usage, projectId, "requests")).isEqualTo(2);
        assertThat(usage.getString("days[0].day"))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    }

    @Test
    void whatTheServicesReportIsCountedOncePerEvent() throws Exception {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        String projectId = Tenants.project(org, "sandbox");
        String caseOpened = UUID.randomUUID().toString();
        try (EventPublisher events = new EventPublisher()) {
            String key = org.id() + ":u1";
            Map<String, Object> opened = EventData.kycCaseOpened("c1", "u1", projectId);
            events.event(Topics.KYC, EventTypes.Kyc.CASE_OPENED, org.id(), key, opened)
                    .id(caseOpened)
                    .send();
            // redelivered: the same event id must not count twice
            events.event(Topics.KYC, EventTypes.Kyc.CASE_OPENED, org.id(), key, opened)
                    .id(caseOpened)
                    .send();
            events.send(
                    Topics.KYC,
                    EventTypes.Kyc.STATUS_CHANGED,
                    org.id(),
                    key,
                    EventData.kycStatusChanged("c1", "u1", projectId, "verified"));
            events.send(
                    Topics.NOTIFICATION,
                    EventTypes.Notification.WEBHOOK_DELIVERED,
                    org.id(),
                    key,
                    Map.of("endpoint_id", "e1", "project_id", projectId, "message_id", "m1", "event_type", "x"));
            events.send(
                    Topics.WALLET,
                    EventTypes.Wallet.PROVISIONED,
                    org.id(),
                    key,
                    EventData.walletProvisioned("w1", "u1", "0x" + "a1".repeat(20), "c1"));
            events.send(
                    Topics.WALLET, EventTypes.Wallet.TRANSFER_STATUS_CHANGED, org.id(), key, transfer("pending", null));
            events.send(
                    Topics.WALLET,
                    EventTypes.Wallet.TRANSFER_STATUS_CHANGED,
                    org.id(),
                    key,
                    transfer("confirmed", "pending"));
        }

        JsonPath usage = waitFor("the usage counted")
                .until(
                        () -> usage(org),
                        u -> countOf(u, projectId, "webhooks_delivered") == 1
                                && countOf(u, projectId, "kyc_cases_opened") >= 1
                                && countOf(u, null, "wallets_provisioned") == 1
                                && countOf(u, null, "transfers") >= 1);

        assertThat(countOf(usage, projectId, "kyc_cases_opened")).isEqualTo(1);
        assertThat(countOf(usage, null, "transfers")).isEqualTo(1);
        assertThat(new TestDatabase(dataSource)
                        .count(
                                "select count(*) from attest_inbox where consumer = 'gateway.usage' and event_id = ?",
                                caseOpened))
                .isEqualTo(1);
    }

    private static JsonPath usage(Tenants.Org org) {
        return given().auth()
                .oauth2(org.adminToken())
                .get("/orgs/" + org.id() + "/usage")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The count of {@code metric} for {@code projectId} (null: reported without a project) over all days. */
    private static long countOf(JsonPath usage, String projectId, String metric) {
        long total = 0;
        for (Map<String, Object> day : usage.<Map<String, Object>>getList("days")) {
            if (java.util.Objects.equals(day.get("project_id"), projectId)) {
                total += ((Number) ((Map<?, ?>) day.get("counts")).get(metric)).longValue();
            }
        }
        return total;
    }

    /** A transfer's status change, as wallet-service writes it ({@code previous_status} null at the first). */
    private static Map<String, Object> transfer(String status, String previousStatus) {
        Map<String, Object> data = new HashMap<>();
        data.put("transfer_id", "t1");
        data.put("wallet_id", "w1");
        data.put("user_id", "u1");
        data.put("status", status);
        data.put("previous_status", previousStatus);
        data.put("kind", "native");
        data.put("amount", "1");
        return data;
    }
}
