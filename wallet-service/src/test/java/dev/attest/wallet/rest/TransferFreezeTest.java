package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.EventPublisher;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import dev.attest.wallet.service.TransferTracking;
import dev.attest.wallet.support.DfnsAccount;
import dev.attest.wallet.support.KycEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: a transfer freeze of an incident response, announced by the gateway, holds what wallet-service accepted
 * and has not sent to Dfns (the gateway refuses new requests itself); the lift lets the tracker send it. The request
 * here reaches the service directly, as one accepted a moment before the freeze would have.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class TransferFreezeTest {
    @Inject
    TransferTracking tracking;

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
    void aFrozenUsersTransferIsHeldUntilTheFreezeIsLiftedAndAnotherUsersGoesOn() {
        DfnsAccount org = DfnsAccount.register("EC").configure();
        String frozen = "user-" + UUID.randomUUID();
        String other = "user-" + UUID.randomUUID();
        String frozenWallet = provision(org, frozen);
        String otherWallet = provision(org, other);

        announce(EventTypes.Security.TRANSFERS_FROZEN, org.orgId, "user", frozen);
        waitFor("the freeze known")
                .until(() -> sql().count("select count(*) from transfer_freeze where target = ?", frozen) == 1);

        String held = TransferTest.transfer(org, frozen, frozenWallet, "k-" + UUID.randomUUID(), payment())
                .statusCode(202)
                .extract()
                .path("transfer_id");
        String sent = TransferTest.transfer(org, other, otherWallet, "k-" + UUID.randomUUID(), payment())
                .statusCode(202)
                .extract()
                .path("transfer_id");
        assertThat(sql().strings(
                                "select status || ' ' || coalesce(provider_transfer_id, '-') from transfer where id = ?::uuid",
                                held))
                .as("held: never sent to Dfns")
                .containsExactly("requested -");
        assertThat(sql().count(
                                "select count(*) from transfer where id = ?::uuid and provider_transfer_id is not null",
                                sent))
                .as("another user's transfer goes on")
                .isOne();

        // The tracker looks at it again, as it would later: still frozen, still held.
        ageOpenTransfers(held);
        tracking.runPass();
        assertThat(sql().count(
                                "select count(*) from transfer where id = ?::uuid and provider_transfer_id is null",
                                held))
                .isOne();

        announce(EventTypes.Security.TRANSFERS_UNFROZEN, org.orgId, "user", frozen);
        waitFor("the freeze lifted")
                .until(() -> sql().count("select count(*) from transfer_freeze where target = ?", frozen) == 0);
        ageOpenTransfers(held);
        tracking.runPass();
        assertThat(sql().count(
                                "select count(*) from transfer where id = ?::uuid and provider_transfer_id is not null",
                                held))
                .as("sent once the freeze is lifted")
                .isOne();
    }

    private String provision(DfnsAccount org, String user) {
        kyc.statusChanged(org.orgId, user, "case-" + UUID.randomUUID(), "verified");
        WalletProvisioningTest.awaitProvisioned(org, user);
        return WalletProvisioningTest.me(org, user).get("wallet_id").asText();
    }

    private static String payment() {
        return TransferTest.native_(TransferTest.newAddress(), "1");
    }

    /** As if the tracker's wait (transfers.poll-after) had passed since the transfer last changed. */
    private void ageOpenTransfers(String transferId) {
        sql().update("update transfer set updated_at = now() - interval '1 day' where id = ?::uuid", transferId);
    }

    private static void announce(String type, String orgId, String kind, String target) {
        try (EventPublisher events = new EventPublisher()) {
            events.event(Topics.SECURITY, type, orgId, orgId, Map.of("kind", kind, "target", target, "org_id", orgId))
                    .send();
        }
    }

    private TestDatabase sql() {
        return new TestDatabase(dataSource);
    }
}
