package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static dev.attest.wallet.rest.TransferTest.newAddress;
import static dev.attest.wallet.support.SponsoredUsers.nativeTransfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.aa.SponsorshipTracking;
import dev.attest.wallet.support.SponsoredUsers;
import dev.attest.wallet.support.SwitchableBundler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A bundler outage delays a sponsored transfer and loses nothing: accepted and stored while the bundler is down,
 * then priced, approved, signed and sent once it is back, and the value moves exactly once.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(SwitchableBundler.class)
@WithTestResource(GatewayTokens.class)
class SponsoredTransferOutageTest {
    private static final BigInteger VALUE = BigInteger.TEN.pow(15);

    @Inject
    SponsorshipTracking tracking;

    private SponsoredUsers world;

    @BeforeEach
    void newOrganization() {
        world = SponsoredUsers.newOrganization();
        world.setPolicy("{\"enabled\":true,\"monthly_budget\":\"1000000000000000000\"}");
    }

    @AfterEach
    void bundlerBack() {
        SwitchableBundler.up();
        world.close();
    }

    @Test
    void aTransferRequestedWhileTheBundlerIsDownIsSentWhenItIsBack() {
        SponsoredUsers.FundedUser funded = world.fundedUser(VALUE);
        String user = funded.id();
        String walletId = funded.walletId();
        String account = funded.account();
        String recipient = newAddress();

        SwitchableBundler.down();
        String transferId = world.transfer(user, walletId, "outage-1", nativeTransfer(recipient, VALUE))
                .statusCode(202)
                .body("status", equalTo("requested"))
                .body("user_op_hash", nullValue())
                .extract()
                .path("transfer_id");
        tracking.runPass(); // the bundler is still down: nothing changes, nothing is lost
        assertThat(world.transferOf(user, walletId, transferId).get("status").asText())
                .isEqualTo("requested");
        // Nothing can be approved without the bundler's estimate: nothing is reserved.
        world.policy().statusCode(200).body("usage.reserved", equalTo("0"));

        SwitchableBundler.up();
        waitFor("the delayed transfer sent")
                .until(
                        () -> {
                            tracking.runPass();
                            return world.transferOf(user, walletId, transferId)
                                    .get("status")
                                    .asText();
                        },
                        "broadcasted"::equals);
        JsonNode confirmed = waitFor("the delayed transfer confirmed")
                .until(
                        () -> {
                            tracking.runPass();
                            return world.transferOf(user, walletId, transferId);
                        },
                        t -> t.get("status").asText().equals("confirmed"));
        assertThat(world.balance(recipient)).isEqualTo(VALUE);
        assertThat(world.balance(account)).isZero();
        world.policy()
                .statusCode(200)
                .body("usage.operations", equalTo(1))
                .body("usage.spent", equalTo(confirmed.get("gas_cost").asText()));
    }

    @Test
    void aTransferWhoseReceiptCannotBeReadWhileTheBundlerIsDownIsSettledWhenItIsBack() {
        SponsoredUsers.FundedUser funded = world.fundedUser(VALUE);
        String user = funded.id();
        String walletId = funded.walletId();
        String account = funded.account();
        String recipient = newAddress();

        String transferId = world.transfer(user, walletId, "outage-2", nativeTransfer(recipient, VALUE))
                .statusCode(202)
                .extract()
                .path("transfer_id");
        assertThat(world.transferOf(user, walletId, transferId).get("status").asText())
                .isEqualTo("broadcasted");
        SwitchableBundler.down();
        // The operation was handed over before the outage: the chain runs it, the receipt waits for the bundler.
        waitFor("the value moved").until(() -> world.balance(recipient), VALUE::equals);
        tracking.runPass();
        assertThat(world.transferOf(user, walletId, transferId).get("status").asText())
                .isEqualTo("broadcasted");

        SwitchableBundler.up();
        waitFor("the transfer settled")
                .until(
                        () -> {
                            tracking.runPass();
                            return world.transferOf(user, walletId, transferId)
                                    .get("status")
                                    .asText();
                        },
                        "confirmed"::equals);
        assertThat(world.balance(recipient)).isEqualTo(VALUE);
        world.policy().statusCode(200).body("usage.operations", equalTo(1)).body("usage.reserved", equalTo("0"));
    }
}
