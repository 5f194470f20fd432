package dev.attest.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.identity.client.EvmNode;
import dev.attest.identity.config.IdentityConfig;
import dev.attest.identity.repository.ChainTransactionRepository;
import dev.attest.identity.repository.ContractDeploymentRepository;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class PlatformContractsTest {
    @Inject
    PlatformContracts contracts;

    @Inject
    EvmNode node;

    @Inject
    TransactionSender sender;

    @Inject
    ReceiptWaiter receipts;

    @Inject
    ContractDeploymentRepository deployments;

    @Inject
    ChainTransactionRepository transactions;

    @Inject
    PlatformKeys keys;

    @Inject
    IdentityConfig config;

    @Test
    void aSecondRunFindsTheDeployedContractsAndDeploysNothing() {
        PlatformContracts.Addresses first = contracts.ensureReady();
        long deploymentsBefore = deployTransactions();

        // A restarted service: a new instance with nothing in memory, the same database and chain.
        PlatformContracts restarted = new PlatformContracts(node, sender, receipts, deployments, keys, config);
        PlatformContracts.Addresses second = restarted.ensureReady();

        assertThat(second).isEqualTo(first);
        assertThat(deployTransactions()).isEqualTo(deploymentsBefore);
        assertThat(node.hasCode(second.idFactory())).isTrue();
        assertThat(node.hasCode(second.claimIssuer())).isTrue();
    }

    private long deployTransactions() {
        return QuarkusTransaction.requiringNew()
                .call(() -> transactions.count("purpose like 'deploy:%' or purpose like 'registry:%'"));
    }
}
