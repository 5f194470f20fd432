package dev.attest.compliance.business;

import static dev.attest.compliance.business.KybScenario.actAtLink;
import static dev.attest.compliance.business.KybScenario.actInSession;
import static dev.attest.compliance.business.KybScenario.applied;
import static dev.attest.compliance.business.KybScenario.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lost webhooks: in these tests a case is old enough to be reconciled only when the test backdates it. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class BusinessReconciliationTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBusinessWhoseWebhooksAreAllLostIsVerifiedThroughReconciliationOnce() {
        TestOrg org = KybScenario.orgWithoutWebhooks("auto-approve");
        String representative = "rep-" + UUID.randomUUID();
        try (KybScenario.Events events = new KybScenario.Events()) {
            JsonPath started = applied(org, representative, "HRB-" + UUID.randomUUID());
            String caseId = started.getString("business_case_id");
            actInSession(started.getString("provider_reference"), started.getString("session_token"), "complete");
            actAtLink(started.getString("owners[0].verification_link"), "complete");
            actAtLink(started.getString("owners[1].verification_link"), "complete");
            org.user(representative)
                    .get("/compliance/kyb/" + caseId)
                    .then()
                    .statusCode(200)
                    .body("verification_status", equalTo("pending"));

            TestDatabase sql = new TestDatabase(dataSource);
            assertThat(sql.update(
                            "update business_case set updated_at = now() - interval '2 hours' where id = ?::uuid",
                            caseId))
                    .isEqualTo(1);
            assertThat(sql.update(
                            "update kyc_case set updated_at = now() - interval '2 hours' where org_id = ?", org.id()))
                    .isEqualTo(2);
            JsonPath verified = awaitStatus(org, representative, caseId, "verified");
            assertThat(verified.getString("provider_status")).isEqualTo("approved");
            assertThat(verified.getList("owners.kyc_status", String.class)).containsExactly("verified", "verified");

            events.until(caseId, list -> list.size() >= 2);
            List<KybScenario.Events.Event> announced = events.settle(caseId, Duration.ofSeconds(3));
            assertThat(announced)
                    .extracting(event -> event.data().path("status").asText(null))
                    .containsExactly(null, "verified");
        }
    }
}
