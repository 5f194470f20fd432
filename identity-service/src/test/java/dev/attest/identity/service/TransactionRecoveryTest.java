package dev.attest.identity.service;

import static dev.attest.testing.Waits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.identity.ChainTransaction;
import dev.attest.identity.repository.ChainTransactionRepository;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class TransactionRecoveryTest {
    @Inject
    TransactionSender sender;

    @Inject
    NonceManager nonces;

    @Inject
    PlatformKeys keys;

    @Inject
    ChainTransactionRepository transactions;

    @Test
    void aTransactionRecordedButNeverBroadcastIsSentAfterARestartWithItsOwnNonce() throws Exception {
        // A crash between the commit of the signed transaction and its broadcast ...
        ChainTransaction lost = QuarkusTransaction.requiringNew()
                .call(() -> sender.record(
                        "test:crash-before-broadcast",
                        keys.issuerSignerAddress(),
                        "0x",
                        BigInteger.valueOf(30_000),
                        BigInteger.valueOf(2_000_000_000L),
                        id -> {}));
        // ... and a restart, which forgets the counter in memory.
        nonces.forget();

        assertThat(nonces.next()).isGreaterThan(lost.nonce);
        nonces.forget();

        ChainTransaction settled = awaitSettled(lost);
        assertThat(settled.status).isEqualTo(ChainTransaction.Status.CONFIRMED);
        assertThat(settled.blockNumber).isPositive();
        assertThat(settled.broadcastAt).isNotNull();
    }

    private ChainTransaction awaitSettled(ChainTransaction tx) {
        return waitFor("transaction " + tx.txHash + " settled")
                .atMost(Duration.ofSeconds(120))
                .until(
                        () -> QuarkusTransaction.requiringNew().call(() -> transactions.findById(tx.id)),
                        now -> now.status != ChainTransaction.Status.PENDING);
    }
}
