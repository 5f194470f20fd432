package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.events.Topics;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import dev.attest.testing.TopicReader;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.KycEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Provisioning that broke off or failed for good: recovered without a second wallet or a second event. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class ProvisioningRecoveryTest {
    private static final String PROVISIONED = "attest.wallet.provisioned.v1";

    @Inject
    AgroalDataSource db;

    private KycEvents kyc;

    @BeforeEach
    void connect() {
        kyc = new KycEvents();
    }

    @AfterEach
    void disconnect() {
        kyc.close();
    }

    @Test
    void aWalletMadeAtDfnsWhoseRecordRolledBackIsFoundByItsExternalIdAndAnnouncedOnce() throws Exception {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String user = "user-" + UUID.randomUUID();
        // The crash window, for real: the transaction recording Dfns's answer fails once in PostgreSQL,
        // after Dfns made the wallet. (A sequence, because it is not rolled back with the transaction.)
        sql(
                "create sequence if not exists crash_budget",
                "create table if not exists crash_user (user_id text primary key)",
                "insert into crash_user values ('" + user + "')",
                """
                create or replace function crash_before_commit() returns trigger as $$
                begin
                  if new.status = 'provisioned' and exists (select 1 from crash_user where user_id = new.user_id)
                     and nextval('crash_budget') = 1 then
                    raise exception 'simulated crash between the Dfns call and the commit';
                  end if;
                  return new;
                end $$ language plpgsql""",
                "drop trigger if exists crash_before_commit on wallet",
                "create trigger crash_before_commit before update on wallet for each row execute function crash_before_commit()");
        try (TopicReader events = TopicReader.of(Topics.WALLET)) {
            String id = kyc.statusChanged(org.orgId, user, "case-crash", "verified");
            WalletProvisioningTest.awaitProvisioned(org, user);
            kyc.send(id, org.orgId, user, "case-crash", "verified"); // and Kafka redelivers the event

            assertThat(new TestDatabase(db).count("select last_value from crash_budget"))
                    .as("the crash happened")
                    .isGreaterThanOrEqualTo(2);
            List<ConsumerRecord<String, byte[]>> records = events.readFor(Duration.ofSeconds(3));
            List<JsonNode> announced = WalletProvisioningTest.ofType(records, org.orgId + ":" + user, PROVISIONED);
            assertThat(announced).hasSize(1);
            assertThat(announced.get(0).get("address").asText())
                    .isEqualTo(
                            WalletProvisioningTest.me(org, user).get("address").asText());
        } finally {
            sql("drop trigger if exists crash_before_commit on wallet", "delete from crash_user");
        }
        given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/wallets")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].user_id", equalTo(user));
    }

    @Test
    void anAdminRetriesAProvisioningThatFailedForGood() {
        DfnsAccount org = DfnsAccount.register("EC"); // not configured yet: every attempt fails
        String user = "user-" + UUID.randomUUID();
        kyc.statusChanged(org.orgId, user, "case-retry", "verified");
        waitFor("the provisioning failed").untilAsserted(() -> assertThat(
                        WalletProvisioningTest.me(org, user).get("status").asText())
                .isEqualTo("failed"));

        // Only the org's admins, only a failed provisioning, only a known user.
        retry(org, org.user(user), user).statusCode(403);
        retry(org, org.admin(), "user-unknown").statusCode(404).contentType("application/problem+json");
        DfnsAccount other = DfnsAccount.register("EC");
        given().auth()
                .oauth2(other.admin())
                .post("/orgs/" + org.orgId + "/users/" + user + "/wallet/retry")
                .then()
                .statusCode(404);

        org.configure();
        retry(org, org.admin(), user).statusCode(202).body("status", equalTo("pending"));
        WalletProvisioningTest.awaitProvisioned(org, user);
        retry(org, org.admin(), user)
                .statusCode(409)
                .body("type", equalTo("https://attest.dev/problems/provisioning-not-failed"));
    }

    @Test
    void refusedCredentialsAlertTheOrgsAdminsOnceAnHour() {
        DfnsAccount org = DfnsAccount.register("EC").configure(Map.of("token", "revoked-token"));
        String user = "user-" + UUID.randomUUID();
        try (TopicReader events = TopicReader.of(Topics.WALLET)) {
            kyc.statusChanged(org.orgId, user, "case-401", "verified");
            waitFor("the provisioning failed").untilAsserted(() -> assertThat(
                            WalletProvisioningTest.me(org, user).get("status").asText())
                    .isEqualTo("failed"));
            // The admin's credential check meets the same refusal: still one alert within the hour.
            given().auth()
                    .oauth2(org.admin())
                    .post("/orgs/" + org.orgId + "/integrations/dfns/test")
                    .then()
                    .body("token", equalTo("failed"));

            List<ConsumerRecord<String, byte[]>> records = events.readFor(Duration.ofSeconds(3));
            List<JsonNode> alerts =
                    WalletProvisioningTest.ofType(records, org.orgId, "attest.wallet.provider-credentials-rejected.v1");
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).get("provider").asText()).isEqualTo("dfns");
            assertThat(alerts.get(0).get("operation").asText()).isEqualTo("create-wallet");
            assertThat(alerts.get(0).get("status_code").asInt()).isEqualTo(401);
            assertThat(alerts.get(0).toString()).doesNotContain("revoked-token");
        }
    }

    private static io.restassured.response.ValidatableResponse retry(DfnsAccount org, String token, String user) {
        return given().auth()
                .oauth2(token)
                .post("/orgs/" + org.orgId + "/users/" + user + "/wallet/retry")
                .then();
    }

    private void sql(String... statements) {
        TestDatabase database = new TestDatabase(db);
        for (String statement : statements) {
            database.update(statement);
        }
    }
}
