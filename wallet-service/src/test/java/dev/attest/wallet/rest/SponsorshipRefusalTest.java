package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static dev.attest.wallet.rest.TransferTest.newAddress;
import static dev.attest.wallet.support.SponsoredUsers.nativeTransfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.BundlerResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.support.ClaimEvents;
import dev.attest.wallet.support.KycEvents;
import dev.attest.wallet.support.SponsoredUsers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigInteger;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the sponsorship policy refuses, it refuses before anything happens: a problem+json answer, no transfer
 * stored, no reservation, nothing signed or sent (the paymaster's deposit and the account's balance unchanged).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(BundlerResource.class)
@WithTestResource(GatewayTokens.class)
class SponsorshipRefusalTest {
    private static final BigInteger VALUE = BigInteger.TEN.pow(15);
    private static final String BUDGET = "\"monthly_budget\":\"1000000000000000000\"";

    private SponsoredUsers world;
    private String user;
    private String walletId;
    private String account;

    @BeforeEach
    void aVerifiedUserWithFunds() {
        world = SponsoredUsers.newOrganization();
        user = "user-" + UUID.randomUUID();
        JsonNode me = world.verifiedUser(user);
        walletId = me.get("wallet_id").asText();
        account = me.path("smart_account").get("address").asText();
        world.fund(account, VALUE);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aProjectThatDoesNotSponsorRefuses() {
        refused(409, "sponsorship-not-enabled", nativeTransfer(newAddress(), VALUE));
        world.setPolicy("{\"enabled\":false," + BUDGET + "}");
        refused(409, "sponsorship-not-enabled", nativeTransfer(newAddress(), VALUE));
    }

    @Test
    void aRecipientTheProjectDoesNotAllowIsRefused() {
        String allowed = newAddress();
        world.setPolicy("{\"enabled\":true," + BUDGET + ",\"allowed_recipients\":[\"" + allowed + "\"]}");
        refused(422, "sponsorship-recipient-not-allowed", nativeTransfer(newAddress(), VALUE));
    }

    @Test
    void anAssetTheProjectDoesNotSponsorIsRefused() {
        world.setPolicy("{\"enabled\":true," + BUDGET + ",\"native_allowed\":false}");
        refused(422, "sponsorship-token-not-allowed", nativeTransfer(newAddress(), VALUE));
        world.setPolicy("{\"enabled\":true," + BUDGET + ",\"allowed_tokens\":[\"" + newAddress() + "\"]}");
        refused(
                422,
                "sponsorship-token-not-allowed",
                "{\"kind\":\"erc20\",\"contract\":\"" + newAddress() + "\",\"to\":\"" + newAddress()
                        + "\",\"amount\":\"5\",\"sponsored\":true}");
    }

    @Test
    void aUserOverTheirDailyCapIsRefused() {
        world.setPolicy("{\"enabled\":true," + BUDGET + ",\"user_daily_cap\":\"1000\"}");
        refused(422, "sponsorship-daily-cap-exceeded", nativeTransfer(newAddress(), VALUE));
    }

    @Test
    void aProjectOverItsBudgetIsRefused() {
        world.setPolicy("{\"enabled\":true,\"monthly_budget\":\"1000\"}");
        refused(422, "sponsorship-budget-exhausted", nativeTransfer(newAddress(), VALUE));
    }

    @Test
    void aUserWhoseKycIsNoLongerVerifiedIsRefused() {
        world.setPolicy("{\"enabled\":true," + BUDGET + "}");
        try (KycEvents kyc = new KycEvents()) {
            kyc.statusChangedInProject(world.org.orgId, user, "case-" + user, "rejected", world.projectId);
        }
        waitFor("the KYC standing")
                .until(() -> world.me(user).path("sponsorship").path("reason").asText(), "kyc-not-verified"::equals);
        refused(403, "kyc-not-verified", nativeTransfer(newAddress(), VALUE));
    }

    @Test
    void aUserWhoseClaimWasRevokedIsRefused() {
        world.setPolicy("{\"enabled\":true," + BUDGET + "}");
        try (ClaimEvents claims = new ClaimEvents()) {
            claims.revoked(world.org.orgId, user, 8);
            claims.issued(world.org.orgId, user, 7); // late, from an older block: changes nothing
        }
        waitFor("the claim standing")
                .until(() -> world.me(user).path("sponsorship").path("reason").asText(), "claim-not-valid"::equals);
        refused(403, "claim-not-valid", nativeTransfer(newAddress(), VALUE));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSigned() {
        world.setPolicy("{\"enabled\":true," + BUDGET + "}");
        refused(
                400,
                "invalid-amount",
                "{\"kind\":\"native\",\"to\":\"" + newAddress() + "\",\"amount\":\"1e18\",\"sponsored\":true}");
        refused(400, "invalid-address", "{\"kind\":\"native\",\"to\":\"0x1234\",\"amount\":\"5\",\"sponsored\":true}");
        refused(
                400,
                "invalid-amount",
                "{\"kind\":\"native\",\"to\":\"" + newAddress() + "\",\"amount\":\"" + BigInteger.TWO.pow(256)
                        + "\",\"sponsored\":true}");
    }

    /** The request is refused with {@code code}, and nothing is stored, reserved, signed or sent. */
    private void refused(int status, String code, String body) {
        BigInteger deposit = world.deposit();
        world.transfer(user, walletId, "key-" + UUID.randomUUID(), body)
                .statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("type", org.hamcrest.Matchers.endsWith("/" + code));
        assertThat(world.transfers(user, walletId).get("items")).isEmpty();
        assertThat(world.deposit()).isEqualTo(deposit);
        assertThat(world.balance(account)).isEqualTo(VALUE);
        world.policy().statusCode(200).body("usage.reserved", equalTo("0")).body("usage.operations", equalTo(0));
    }
}
