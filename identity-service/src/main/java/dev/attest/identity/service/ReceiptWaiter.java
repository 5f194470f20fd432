package dev.attest.identity.service;

import dev.attest.identity.ChainTransaction;
import dev.attest.identity.client.ChainUnavailableException;
import dev.attest.identity.client.EvmNode;
import dev.attest.identity.config.IdentityConfig;
import dev.attest.identity.repository.ChainTransactionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Turns receipts into settled transactions, once they are as deep as the configured confirmations. */
@ApplicationScoped
public class ReceiptWaiter {
    private static final Duration BOOTSTRAP_PATIENCE = Duration.ofMinutes(2);

    private final EvmNode node;
    private final ChainTransactionRepository transactions;
    private final IdentityConfig config;

    ReceiptWaiter(EvmNode node, ChainTransactionRepository transactions, IdentityConfig config) {
        this.node = node;
        this.transactions = transactions;
        this.config = config;
    }

    /** How {@code tx} ended, if it is mined and deep enough below {@code latestBlock}. */
    public Optional<Settlement> check(ChainTransaction tx, BigInteger latestBlock) {
        Optional<TransactionReceipt> receipt = node.receipt(tx.txHash);
        if (receipt.isEmpty()) {
            return Optional.empty();
        }
        BigInteger block = receipt.get().getBlockNumber();
        BigInteger depth = latestBlock.subtract(block).add(BigInteger.ONE);
        if (depth.compareTo(BigInteger.valueOf(config.confirmations())) < 0) {
            return Optional.empty();
        }
        if (receipt.get().isStatusOK()) {
            return Optional.of(new Settlement(
                    ChainTransaction.Status.CONFIRMED,
                    block.longValueExact(),
                    receipt.get().getContractAddress(),
                    null,
                    receipt.get().getLogs()));
        }
        String reason = node.revertReason(tx.sender, tx.recipient, tx.data, block);
        return Optional.of(
                new Settlement(ChainTransaction.Status.REVERTED, block.longValueExact(), null, reason, List.of()));
    }

    /** Records {@code settlement} on {@code tx}; runs in the caller's transaction. */
    public void record(ChainTransaction tx, Settlement settlement) {
        ChainTransaction managed = transactions.findById(tx.id);
        managed.status = settlement.status();
        managed.blockNumber = settlement.blockNumber();
        managed.contractAddress = settlement.contractAddress();
        managed.revertReason = settlement.revertReason();
        managed.settledAt = java.time.Instant.now();
        tx.status = managed.status;
        tx.blockNumber = managed.blockNumber;
        tx.contractAddress = managed.contractAddress;
        tx.revertReason = managed.revertReason;
    }

    /** Waits for {@code tx} to settle and records it: for the one-time bootstrap, which goes step by step. */
    public ChainTransaction await(ChainTransaction tx) {
        long deadline = System.nanoTime() + BOOTSTRAP_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Settlement> settlement = check(tx, node.blockNumber());
            if (settlement.isPresent()) {
                QuarkusTransaction.requiringNew().run(() -> record(tx, settlement.get()));
                return tx;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChainUnavailableException("interrupted while waiting for " + tx.txHash);
            }
        }
        throw new ChainUnavailableException("no receipt for " + tx.txHash + " (" + tx.purpose + ") yet");
    }

    /** How a transaction ended. */
    public record Settlement(
            ChainTransaction.Status status,
            long blockNumber,
            String contractAddress,
            String revertReason,
            List<Log> logs) {}
}
