package dev.attest.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.evm.EvmNodes;
import dev.attest.identity.ChainTransaction;
import dev.attest.identity.client.ContractCalls;
import dev.attest.identity.client.EvmNode;
import dev.attest.identity.config.IdentityConfig;
import dev.attest.identity.repository.ChainTransactionRepository;
import dev.attest.identity.repository.ContractDeploymentRepository;
import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestDatabase;
import dev.attest.testing.Waits;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

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

    @Inject
    SubjectClaims subjectClaims;

    @Inject
    ChainActionAudit audit;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSecondRunFindsTheDeployedContractsAndDeploysNothing() {
        PlatformContracts.Addresses first = contracts.ensureReady();
        long deploymentsBefore = deployTransactions();
        long auditedBefore = auditedDeployments();

        // A restarted service: a new instance with nothing in memory, the same database and chain.
        PlatformContracts restarted =
                new PlatformContracts(node, sender, receipts, deployments, keys, config, subjectClaims, audit);
        PlatformContracts.Addresses second = restarted.ensureReady();

        assertThat(second).isEqualTo(first);
        assertThat(deployTransactions()).isEqualTo(deploymentsBefore);
        assertThat(auditedDeployments()).isEqualTo(auditedBefore);
        assertThat(node.hasCode(second.idFactory())).isTrue();
        assertThat(node.hasCode(second.claimIssuer())).isTrue();
    }

    @Test
    void eachDeploymentIsInTheAuditTrailAsAPlatformAction() {
        contracts.ensureReady();

        long mined = QuarkusTransaction.requiringNew()
                .call(() -> transactions.count(
                        "purpose like 'deploy:%' and status = ?1", ChainTransaction.Status.CONFIRMED));
        assertThat(mined).isPositive();
        assertThat(auditedDeployments()).isEqualTo(mined);
        assertThat(new TestDatabase(dataSource)
                        .count("select count(*) from attest_audit_entry where action = 'platform-contract.deployed'"
                                + " and (org_id is not null or changes not like '%\"tx\"%')"))
                .as("no organization, and the transaction named")
                .isZero();
    }

    private long auditedDeployments() {
        return new TestDatabase(dataSource)
                .count("select count(*) from attest_audit_entry where action = 'platform-contract.deployed'");
    }

    private long deployTransactions() {
        return QuarkusTransaction.requiringNew()
                .call(() -> transactions.count("purpose like 'deploy:%' or purpose like 'registry:%'"));
    }

    @Test
    void aRevertReasonIsReadOnANodeThatKeepsNoStateHistory() throws Exception {
        // The tests' anvil keeps no state history (--prune-history, as the local stack's): the replay on the state
        // before the block is refused, and the reason is read on the latest state.
        PlatformContracts.Addresses addresses = contracts.ensureReady();
        Web3j chain = EvmNodes.connect(AnvilResource.rpcUrl());
        String stranger = chain.ethAccounts().send().getAccounts().get(5);
        String data = ContractCalls.onboard(stranger, "salt", stranger, List.of());
        String hash = chain.ethSendTransaction(Transaction.createFunctionCallTransaction(
                        stranger, null, node.gasPrice(), BigInteger.valueOf(500_000), addresses.onboarder(), data))
                .send()
                .getTransactionHash();
        TransactionReceipt receipt = Waits.waitFor("the stranger's call mined")
                .until(
                        () -> chain.ethGetTransactionReceipt(hash)
                                .send()
                                .getTransactionReceipt()
                                .orElse(null),
                        java.util.Objects::nonNull);
        assertThat(receipt.isStatusOK()).isFalse();
        assertThat(node.revertReason(stranger, addresses.onboarder(), data, receipt.getBlockNumber()))
                .isEqualTo("only the operator");
    }
}
