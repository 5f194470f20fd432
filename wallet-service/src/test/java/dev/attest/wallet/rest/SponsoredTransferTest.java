package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static dev.attest.wallet.rest.TransferTest.newAddress;
import static dev.attest.wallet.support.SponsoredUsers.nativeTransfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.events.Topics;
import dev.attest.contracts.EventTypes;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.BundlerResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TopicReader;
import dev.attest.wallet.support.NodeProject;
import dev.attest.wallet.support.SponsoredUsers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Convert;

/**
 * Issue 19 end to end on the local chain, with the real EntryPoint v0.7, the real bundler (alto) and the Dfns
 * sandbox signing: a verified user whose smart account holds no ETH for gas moves the native asset and an ERC-20
 * token, the project's paymaster paying; what it paid is what the deposit lost and what the project's usage says.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(BundlerResource.class)
@WithTestResource(GatewayTokens.class)
class SponsoredTransferTest {
    private static final BigInteger VALUE =
            Convert.toWei("0.001", Convert.Unit.ETHER).toBigInteger();
    private static final String POLICY = "{\"enabled\":true,\"monthly_budget\":\"1000000000000000000\","
            + "\"user_daily_cap\":\"100000000000000000\"}";

    private SponsoredUsers world;

    @BeforeAll
    static void installTheContracts() throws Exception {
        NodeProject.ensureInstalled();
    }

    @BeforeEach
    void newOrganization() {
        world = SponsoredUsers.newOrganization();
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aVerifiedUserWithoutGasMovesTheNativeAssetAndATokenThePaymasterPaying() throws Exception {
        world.setPolicy(POLICY);
        String user = "user-" + UUID.randomUUID();
        JsonNode me = world.verifiedUser(user);
        String walletId = me.get("wallet_id").asText();
        String account = me.path("smart_account").get("address").asText();
        assertThat(me.path("smart_account").get("deployed").asBoolean()).isFalse();
        assertThat(me.path("sponsorship").get("available").asBoolean())
                .as("%s", me)
                .isTrue();
        world.fund(account, VALUE); // exactly what it sends: nothing for gas
        String recipient = newAddress();
        BigInteger depositBefore = world.deposit();

        try (TopicReader events = TopicReader.of(Topics.WALLET)) {
            String transferId = world.transfer(user, walletId, "sponsored-1", nativeTransfer(recipient, VALUE))
                    .statusCode(202)
                    .body("sponsored", equalTo(true))
                    .body("from_address", equalToIgnoringCase(account))
                    .extract()
                    .path("transfer_id");
            JsonNode confirmed = waitFor("the sponsored transfer confirmed")
                    .until(
                            () -> world.transferOf(user, walletId, transferId),
                            t -> t.get("status").asText().equals("confirmed"));

            assertThat(world.balance(recipient)).isEqualTo(VALUE);
            assertThat(world.balance(account)).as("the account paid no gas").isZero();
            BigInteger gasCost = new BigInteger(confirmed.get("gas_cost").asText());
            assertThat(gasCost).isPositive();
            assertThat(depositBefore.subtract(world.deposit()))
                    .as("the paymaster's deposit paid")
                    .isEqualTo(gasCost);
            assertThat(confirmed.get("user_op_hash").asText()).matches("0x[0-9a-f]{64}");
            assertThat(confirmed.get("tx_hash").asText()).matches("0x[0-9a-f]{64}");
            String key = world.org.orgId + ":" + user;
            var records = events.readUntil(
                    read -> !WalletProvisioningTest.ofType(read, key, EventTypes.Wallet.GAS_SPONSORED)
                            .isEmpty(),
                    Duration.ofSeconds(30));
            JsonNode sponsoredEvent = WalletProvisioningTest.ofType(records, key, EventTypes.Wallet.GAS_SPONSORED)
                    .get(0);
            assertThat(sponsoredEvent.path("transfer_id").asText()).isEqualTo(transferId);
            assertThat(sponsoredEvent.path("gas_cost").asText()).isEqualTo(gasCost.toString());
            assertThat(sponsoredEvent.path("success").asBoolean()).isTrue();

            // An ERC-20 token the smart account holds moves the same way; the account exists now.
            String token = Erc20TransferTest.deployToken(world.node, account, BigInteger.valueOf(1_000_000));
            String tokenTransfer = world.transfer(
                            user,
                            walletId,
                            "sponsored-2",
                            "{\"kind\":\"erc20\",\"contract\":\"" + token + "\",\"to\":\"" + recipient
                                    + "\",\"amount\":\"1234\",\"sponsored\":true}")
                    .statusCode(202)
                    .extract()
                    .path("transfer_id");
            JsonNode second = waitFor("the sponsored token transfer confirmed")
                    .until(
                            () -> world.transferOf(user, walletId, tokenTransfer),
                            t -> t.get("status").asText().equals("confirmed"));
            assertThat(Erc20TransferTest.balanceOf(world.node, token, recipient))
                    .isEqualTo(BigInteger.valueOf(1234));
            assertThat(Erc20TransferTest.balanceOf(world.node, token, account)).isEqualTo(BigInteger.valueOf(998_766));
            assertThat(world.balance(account)).isZero();

            BigInteger spent = gasCost.add(new BigInteger(second.get("gas_cost").asText()));
            world.policy()
                    .statusCode(200)
                    .body("usage.spent", equalTo(spent.toString()))
                    .body("usage.reserved", equalTo("0"))
                    .body("usage.operations", equalTo(2))
                    .body(
                            "usage.remaining",
                            equalTo(new BigInteger("1000000000000000000")
                                    .subtract(spent)
                                    .toString()))
                    .body("usage.by_user[0].user_id", equalTo(user))
                    .body("usage.by_user[0].spent", equalTo(spent.toString()));
            assertThat(world.me(user).path("smart_account").get("deployed").asBoolean())
                    .isTrue();
        }
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameSponsoredTransferAndMovesTheValueOnce() {
        world.setPolicy(POLICY);
        String user = "user-" + UUID.randomUUID();
        JsonNode me = world.verifiedUser(user);
        String walletId = me.get("wallet_id").asText();
        String account = me.path("smart_account").get("address").asText();
        world.fund(account, VALUE.multiply(BigInteger.TWO));
        String recipient = newAddress();

        String body = nativeTransfer(recipient, VALUE);
        String first = world.transfer(user, walletId, "same", body)
                .statusCode(202)
                .extract()
                .path("transfer_id");
        world.transfer(user, walletId, "same", body).statusCode(200).body("transfer_id", equalTo(first));
        waitFor("the transfer confirmed").until(() -> world.transferOf(user, walletId, first), t -> t.get("status")
                .asText()
                .equals("confirmed"));
        world.transfer(user, walletId, "same", body).statusCode(200).body("transfer_id", equalTo(first));
        assertThat(world.balance(recipient)).isEqualTo(VALUE);
        assertThat(world.transfers(user, walletId).get("items").size()).isEqualTo(1);
    }
}
