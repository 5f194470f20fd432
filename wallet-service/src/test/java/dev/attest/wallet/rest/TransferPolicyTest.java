package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static dev.attest.wallet.rest.TransferTest.native_;
import static dev.attest.wallet.rest.TransferTest.newAddress;
import static dev.attest.wallet.rest.TransferTest.status;
import static dev.attest.wallet.rest.TransferTest.transfer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.events.Topics;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TopicReader;
import dev.attest.wallet.repository.TransferRepository;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.KycEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The org's spending policy: per-transfer and daily limits refuse, the approval threshold holds for an admin. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class TransferPolicyTest {
    @Inject
    TransferRepository transfers;

    @Inject
    dev.attest.wallet.repository.KycStandingRepository standings;

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
    void theDailyLimitCountsTheDaysTransfersAndThePerTransferLimitEachOne() {
        DfnsAccount org =
                DfnsAccount.register("EC").configure(Map.of("per_transfer_limit", "600", "daily_limit", "1000"));
        String user = "user-" + UUID.randomUUID();
        String walletId = provision(org, user);

        transfer(org, user, walletId, "d-1", native_(newAddress(), "500")).statusCode(202);
        transfer(org, user, walletId, "d-2", native_(newAddress(), "400")).statusCode(202);
        transfer(org, user, walletId, "d-3", native_(newAddress(), "200"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://attest.dev/problems/daily-limit-exceeded"));
        transfer(org, user, walletId, "d-4", native_(newAddress(), "601"))
                .statusCode(422)
                .body("type", equalTo("https://attest.dev/problems/spending-limit-exceeded"));
        // What is left of the day still goes through.
        transfer(org, user, walletId, "d-5", native_(newAddress(), "100")).statusCode(202);
        assertThat(count(walletId)).isEqualTo(3);
    }

    @Test
    void aTransferAboveTheThresholdWaitsUnsentUntilAnAdminApprovesIt() {
        DfnsAccount org = DfnsAccount.register("EC").configure(Map.of("approval_threshold", "100"));
        String user = "user-" + UUID.randomUUID();
        String walletId = provision(org, user);

        try (TopicReader events = TopicReader.of(Topics.WALLET)) {
            String transferId = transfer(org, user, walletId, "a-1", native_(newAddress(), "150"))
                    .statusCode(202)
                    .body("status", equalTo("awaiting_approval"))
                    .body("provider_transfer_id", nullValue())
                    .extract()
                    .path("transfer_id");
            // A transfer at the threshold needs no approval.
            transfer(org, user, walletId, "a-2", native_(newAddress(), "100"))
                    .statusCode(202)
                    .body("status", not(equalTo("awaiting_approval")));

            given().auth()
                    .oauth2(org.admin())
                    .get("/orgs/" + org.orgId + "/transfer-approvals")
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(1))
                    .body("[0].transfer_id", equalTo(transferId))
                    .body("[0].user_id", equalTo(user));
            given().auth()
                    .oauth2(org.user(user))
                    .get("/orgs/" + org.orgId + "/transfer-approvals")
                    .then()
                    .statusCode(403);
            // Another organization's admin does not even see it.
            DfnsAccount other = DfnsAccount.register("EC");
            given().auth()
                    .oauth2(other.admin())
                    .post("/orgs/" + org.orgId + "/transfer-approvals/" + transferId + "/approve")
                    .then()
                    .statusCode(404);

            given().auth()
                    .oauth2(org.admin())
                    .post("/orgs/" + org.orgId + "/transfer-approvals/" + transferId + "/approve")
                    .then()
                    .statusCode(200)
                    .body("decided_by", equalTo("admin-" + org.orgId));
            waitFor("transfer " + transferId + " confirmed")
                    .untilAsserted(() ->
                            assertThat(status(org, user, walletId, transferId)).isEqualTo("confirmed"));
            given().auth()
                    .oauth2(org.admin())
                    .post("/orgs/" + org.orgId + "/transfer-approvals/" + transferId + "/approve")
                    .then()
                    .statusCode(409)
                    .body("type", equalTo("https://attest.dev/problems/not-awaiting-approval"));

            List<JsonNode> changes = WalletProvisioningTest.ofType(
                    events.readFor(Duration.ofSeconds(2)),
                    org.orgId + ":" + user,
                    "attest.wallet.transfer-status-changed.v1");
            assertThat(changes)
                    .filteredOn(e -> e.get("transfer_id").asText().equals(transferId))
                    .extracting(e -> e.get("status").asText())
                    .startsWith("awaiting_approval")
                    .contains("confirmed");
        }
    }

    @Test
    void anAdminRejectsAWaitingTransferWithAReasonAndItIsNeverSent() {
        DfnsAccount org = DfnsAccount.register("EC").configure(Map.of("approval_threshold", "10"));
        String user = "user-" + UUID.randomUUID();
        String walletId = provision(org, user);
        String transferId = transfer(org, user, walletId, "r-1", native_(newAddress(), "11"))
                .statusCode(202)
                .extract()
                .path("transfer_id");

        reject(org, transferId, "{}")
                .statusCode(400)
                .body("type", equalTo("https://attest.dev/problems/reason-required"));
        reject(org, transferId, "{\"reason\":\"  \"}").statusCode(400);
        reject(org, transferId, "{\"reason\":\"unknown recipient\"}")
                .statusCode(200)
                .body("status", equalTo("rejected"))
                .body("decision_reason", equalTo("unknown recipient"))
                .body("decided_by", equalTo("admin-" + org.orgId))
                .body("provider_transfer_id", nullValue());
        reject(org, transferId, "{\"reason\":\"again\"}").statusCode(409);
        given().auth()
                .oauth2(org.admin())
                .get("/orgs/" + org.orgId + "/transfer-approvals")
                .then()
                .body("size()", equalTo(0));
        // Dfns never heard of it.
        String providerWallet = org.firstProviderWalletId();
        given().auth()
                .oauth2(org.token)
                .get("/dfns/wallets/" + providerWallet + "/transfers")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void nobodyApprovesTheirOwnTransfer() {
        DfnsAccount org = DfnsAccount.register("EC").configure(Map.of("approval_threshold", "10"));
        String admin = "admin-" + org.orgId; // an admin who is also a user with a wallet
        String walletId = provision(org, admin);
        String transferId = transfer(org, admin, walletId, "o-1", native_(newAddress(), "11"))
                .statusCode(202)
                .extract()
                .path("transfer_id");
        given().auth()
                .oauth2(org.admin())
                .post("/orgs/" + org.orgId + "/transfer-approvals/" + transferId + "/approve")
                .then()
                .statusCode(403);
        assertThat(status(org, admin, walletId, transferId)).isEqualTo("awaiting_approval");
    }

    @Test
    void aTransferWhoseRequesterIsNoLongerVerifiedCannotBeApprovedOnlyRejected() {
        DfnsAccount org = DfnsAccount.register("EC").configure(Map.of("approval_threshold", "10"));
        String user = "user-" + UUID.randomUUID();
        String walletId = provision(org, user);
        String transferId = transfer(org, user, walletId, "k-1", native_(newAddress(), "11"))
                .statusCode(202)
                .extract()
                .path("transfer_id");
        kyc.statusChanged(org.orgId, user, "case-1", "rejected");
        waitFor("the KYC rejection recorded").untilAsserted(() -> assertThat(
                        QuarkusTransaction.requiringNew().call(() -> standings
                                .findByUser(org.orgId, user)
                                .map(s -> s.status)
                                .orElse(null)))
                .isEqualTo("rejected"));

        given().auth()
                .oauth2(org.admin())
                .post("/orgs/" + org.orgId + "/transfer-approvals/" + transferId + "/approve")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://attest.dev/problems/requester-kyc-not-verified"));
        assertThat(status(org, user, walletId, transferId)).isEqualTo("awaiting_approval");
        reject(org, transferId, "{\"reason\":\"KYC revoked\"}").statusCode(200).body("status", equalTo("rejected"));
    }

    private static io.restassured.response.ValidatableResponse reject(DfnsAccount org, String transferId, String body) {
        return given().auth()
                .oauth2(org.admin())
                .contentType("application/json")
                .body(body)
                .post("/orgs/" + org.orgId + "/transfer-approvals/" + transferId + "/reject")
                .then();
    }

    private String provision(DfnsAccount org, String user) {
        kyc.statusChanged(org.orgId, user, "case-1", "verified");
        WalletProvisioningTest.awaitProvisioned(org, user);
        return WalletProvisioningTest.me(org, user).get("wallet_id").asText();
    }

    private long count(String walletId) {
        return QuarkusTransaction.requiringNew().call(() -> transfers.countForWallet(UUID.fromString(walletId)));
    }
}
