package dev.attest.wallet.rest;

import static dev.attest.testing.Waits.waitFor;
import static dev.attest.wallet.rest.TransferTest.newAddress;
import static dev.attest.wallet.support.SponsoredUsers.nativeTransfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.BundlerResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.wallet.aa.AccountContracts;
import dev.attest.wallet.aa.UserOperation;
import dev.attest.wallet.support.ExternalPaymasterServer;
import dev.attest.wallet.support.SponsoredUsers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A project that sponsors through someone else's ERC-7677 paymaster service: its API key goes along as a bearer
 * token, its approval pays for the transfer, and its refusal is the project's, with nothing stored or sent.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(BundlerResource.class)
@WithTestResource(GatewayTokens.class)
class ExternalPaymasterTest {
    private static final BigInteger VALUE = BigInteger.TEN.pow(15);

    @Inject
    AccountContracts contracts;

    private SponsoredUsers world;
    private ExternalPaymasterServer external;

    @BeforeEach
    void aProjectWithAnExternalPaymaster() {
        world = SponsoredUsers.newOrganization();
        external = new ExternalPaymasterServer(op -> contracts.paymasterHash(
                BundlerResource.contracts().paymaster(),
                UserOperation.fromRpc(op),
                op.get("validUntil").asLong(),
                0));
        world.setPolicy("{\"enabled\":true,\"paymaster_kind\":\"external\",\"paymaster_url\":\"" + external.url()
                + "\",\"paymaster_api_key\":\"pk-external-7677\"}");
    }

    @AfterEach
    void close() {
        external.close();
        world.close();
    }

    @Test
    void theExternalPaymastersApprovalPaysForTheTransfer() {
        SponsoredUsers.FundedUser funded = world.fundedUser(VALUE);
        String user = funded.id();
        String walletId = funded.walletId();
        String account = funded.account();
        String recipient = newAddress();

        String transferId = world.transfer(user, walletId, "external-1", nativeTransfer(recipient, VALUE))
                .statusCode(202)
                .extract()
                .path("transfer_id");
        JsonNode confirmed = waitFor("the transfer confirmed")
                .until(
                        () -> world.transferOf(user, walletId, transferId),
                        t -> t.get("status").asText().equals("confirmed"));

        assertThat(world.balance(recipient)).isEqualTo(VALUE);
        assertThat(world.balance(account)).isZero();
        assertThat(external.authorizations).isNotEmpty().allMatch("Bearer pk-external-7677"::equals);
        world.policy()
                .statusCode(200)
                .body("usage.operations", equalTo(1))
                .body("usage.spent", equalTo(confirmed.get("gas_cost").asText()));
    }

    @Test
    void theExternalPaymastersRefusalIsTheProjectsAndNothingIsSent() {
        SponsoredUsers.FundedUser funded = world.fundedUser(VALUE);
        String user = funded.id();
        String walletId = funded.walletId();
        String account = funded.account();
        external.refuse("policy: this sender is over its quota");
        BigInteger deposit = world.deposit();

        world.transfer(user, walletId, "external-2", nativeTransfer(newAddress(), VALUE))
                .statusCode(422)
                .body("type", containsString("sponsorship-refused"))
                .body("detail", containsString("over its quota"));
        assertThat(world.transfers(user, walletId).get("items")).isEmpty();
        assertThat(world.balance(account)).isEqualTo(VALUE);
        assertThat(world.deposit()).isEqualTo(deposit);
        world.policy().statusCode(200).body("usage.reserved", equalTo("0"));
    }
}
