package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static dev.attest.wallet.rest.WalletProvisioningTest.ofType;
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
import dev.attest.wallet.client.DfnsClient;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.KycEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A verified business (KYB) gets one custody wallet of its own; its owners, verified for it, get none. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class BusinessWalletTest {
    private static final String PROVISIONED = "attest.wallet.provisioned.v1";

    @Inject
    DfnsClient dfns;

    @Inject
    AgroalDataSource dataSource;

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
    void aVerifiedBusinessGetsExactlyOneWalletAnnouncedOnceEvenWhenTheEventIsDeliveredTwice() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String businessCase = UUID.randomUUID().toString();
        String subject = "business:" + businessCase;
        String key = org.orgId + ":" + subject;
        TestDatabase db = new TestDatabase(dataSource);
        try (TopicReader events = TopicReader.of(Topics.WALLET)) {
            String first = UUID.randomUUID().toString();
            String second = UUID.randomUUID().toString();
            kyc.businessStatusChanged(first, org.orgId, businessCase, "verified");
            kyc.businessStatusChanged(first, org.orgId, businessCase, "verified"); // redelivered
            kyc.businessStatusChanged(second, org.orgId, businessCase, "verified"); // the same news again

            waitFor("every event handled and the wallet provisioned")
                    .until(() ->
                            db.count("select count(*) from attest_inbox where event_id in (?, ?)", first, second) == 2
                                    && db.count(
                                                    "select count(*) from wallet where user_id = ? and status = 'provisioned'",
                                                    subject)
                                            == 1);
            // Announced in the transaction that recorded it, once: nothing left could announce it again.
            assertThat(db.count(
                            "select count(*) from attest_outbox where event_key = ? and type = ?", key, PROVISIONED))
                    .isEqualTo(1);
            assertThat(db.count("select count(*) from wallet where org_id = ?", org.orgId))
                    .isEqualTo(1);
            List<JsonNode> provisioned = ofType(
                    events.readUntil(r -> !ofType(r, key, PROVISIONED).isEmpty(), Duration.ofSeconds(30)),
                    key,
                    PROVISIONED);
            assertThat(provisioned).hasSize(1);
            JsonNode wallet = provisioned.get(0);
            assertThat(wallet.get("subject").asText()).isEqualTo("business");
            assertThat(wallet.get("user_id").asText()).isEqualTo(subject);
            assertThat(wallet.get("kyc_case_id").asText()).isEqualTo(businessCase);
            assertThat(wallet.get("address").asText()).startsWith("0x").hasSize(42);

            // At Dfns: one wallet, named by an externalId of the business (a retried request finds it again).
            assertThat(dfns.findWalletByExternalId(org.credentials(), "attest:" + org.orgId + ":" + subject))
                    .get()
                    .satisfies(found -> assertThat(found.id())
                            .isEqualTo(wallet.get("provider_wallet_id").asText()));
            // The org's admins see it with the org's wallets, as the business's.
            given().auth()
                    .oauth2(org.admin())
                    .get("/orgs/" + org.orgId + "/wallets")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(1))
                    .body("items[0].wallet_id", equalTo(wallet.get("wallet_id").asText()))
                    .body("items[0].user_id", equalTo(subject))
                    .body("items[0].subject", equalTo("business"));
        }
    }

    @Test
    void aBusinessOwnersVerifiedKycGivesThemNoWallet() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String owner = "business-owner:" + UUID.randomUUID();
        String eventId = kyc.statusChanged(org.orgId, owner, UUID.randomUUID().toString(), "verified");

        TestDatabase db = new TestDatabase(dataSource);
        waitFor("the owner's event handled")
                .until(() -> db.count("select count(*) from attest_inbox where event_id = ?", eventId) == 1);
        // The inbox row commits with the event's effect: there is none.
        assertThat(db.count("select count(*) from wallet where org_id = ?", org.orgId))
                .isZero();
        given().auth().oauth2(org.user(owner)).get("/wallets/me").then().body("status", equalTo("none"));
    }
}
