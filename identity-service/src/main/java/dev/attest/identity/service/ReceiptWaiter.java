package dev.attest.identity.service;

import dev.attest.identity.ChainTransaction;
import dev.attest.identity.SupersededTransaction;
import dev.attest.identity.client.ChainUnavailableException;
import dev.attest.identity.client.EvmNode;
import dev.attest.identity.config.IdentityConfig;
import dev.attest.identity.repository.ChainTransactionRepository;
import dev.attest.identity.repository.SupersededTransactionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Turns receipts into settled transactions, once they are as deep as the configured confirmations. A
 * transaction that was replaced is settled by whichever of its versions was mined (only one can be: they share
 * the nonce), and takes that version's hash.
 */
@ApplicationScoped
public class ReceiptWaiter {
    private static final Duration BOOTSTRAP_PATIENCE = Duration.ofMinutes(2);

    private final EvmNode node;
    private final ChainTransactionRepository transactions;
    private final SupersededTransactionRepository superseded;
    private final IdentityConfig config;
    private final WorkGate gate;

    ReceiptWaiter(
            EvmNode node,
            ChainTransactionRepository transactions,
            SupersededTransactionRepository superseded,
            IdentityConfig config,
            WorkGate gate) {
        this.gate = gate;
        this.node = node;
        this.transactions = transactions;
        this.superseded = superseded;
        this.config = config;
    }

    /** How {@code tx} ended, if one of its versions is mined and deep enough below {@code latestBlock}. */
    public Optional<Settlement> check(ChainTransaction tx, BigInteger latestBlock) {
        return Optional.ofNullable(check(List.of(tx), latestBlock).get(tx.id));
    }

    /**
     * How each of {@code pending} ended, by transaction id, for those with a version mined deep enough below
     * {@code latestBlock}: every version's receipt is asked in one batch.
     */
    public Map<UUID, Settlement> check(List<ChainTransaction> pending, BigInteger latestBlock) {
        Map<UUID, List<String>> versions = new LinkedHashMap<>();
        for (ChainTransaction tx : pending) {
            versions.computeIfAbsent(tx.id, id -> new ArrayList<>()).add(tx.txHash);
        }
        List<SupersededTransaction> earlier =
                QuarkusTransaction.requiringNew().call(() -> superseded.ofAny(versions.keySet()));
        earlier.forEach(version -> versions.get(version.transactionId).add(version.txHash));
        Map<String, TransactionReceipt> mined =
                node.receipts(versions.values().stream().flatMap(List::stream).toList());
        Map<UUID, Settlement> settled = new LinkedHashMap<>();
        for (ChainTransaction tx : pending) {
            versions.get(tx.id).stream()
                    .map(mined::get)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .flatMap(receipt -> settlement(tx, receipt, latestBlock))
                    .ifPresent(settlement -> settled.put(tx.id, settlement));
        }
        return settled;
    }

    private Optional<Settlement> settlement(ChainTransaction tx, TransactionReceipt receipt, BigInteger latestBlock) {
        String minedHash = receipt.getTransactionHash();
        BigInteger block = receipt.getBlockNumber();
        BigInteger depth = latestBlock.subtract(block).add(BigInteger.ONE);
        if (depth.compareTo(BigInteger.valueOf(config.confirmations())) < 0) {
            return Optional.empty();
        }
        if (receipt.isStatusOK()) {
            return Optional.of(new Settlement(
                    ChainTransaction.Status.CONFIRMED,
                    minedHash,
                    block.longValueExact(),
                    receipt.getContractAddress(),
                    null,
                    receipt.getLogs(),
                    receipt.getGasUsed()));
        }
        String reason = node.revertReason(tx.sender, tx.recipient, tx.data, block);
        return Optional.of(new Settlement(
                ChainTransaction.Status.REVERTED,
                minedHash,
                block.longValueExact(),
                null,
                reason,
                List.of(),
                receipt.getGasUsed()));
    }

    /** Records {@code settlement} on {@code tx}; runs in the caller's transaction. */
    public void record(ChainTransaction tx, Settlement settlement) {
        ChainTransaction managed = transactions.findById(tx.id, LockModeType.PESSIMISTIC_WRITE);
        if (!managed.txHash.equals(settlement.txHash())) {
            adoptMinedVersion(managed, settlement.txHash());
        }
        managed.status = settlement.status();
        managed.blockNumber = settlement.blockNumber();
        managed.contractAddress = settlement.contractAddress();
        managed.revertReason = settlement.revertReason();
        managed.settledAt = java.time.Instant.now();
        tx.txHash = managed.txHash;
        tx.gasPrice = managed.gasPrice; // the mined version's: a replacement is priced higher
        tx.status = managed.status;
        tx.blockNumber = managed.blockNumber;
        tx.contractAddress = managed.contractAddress;
        tx.revertReason = managed.revertReason;
    }

    /** An earlier version was mined: it becomes the transaction's own, the newer one is kept as superseded. */
    private void adoptMinedVersion(ChainTransaction managed, String minedHash) {
        SupersededTransaction mined = superseded.findById(minedHash);
        SupersededTransaction notMined = new SupersededTransaction();
        notMined.txHash = managed.txHash;
        notMined.transactionId = managed.id;
        notMined.gasPrice = managed.gasPrice;
        notMined.signed = managed.signed;
        notMined.signedAt = managed.signedAt;
        superseded.delete(mined);
        superseded.persist(notMined);
        managed.txHash = mined.txHash;
        managed.gasPrice = mined.gasPrice;
        managed.signed = mined.signed;
        managed.signedAt = mined.signedAt;
    }

    /** Waits for {@code tx} to settle and records it: for the one-time bootstrap, which goes step by step. */
    public ChainTransaction await(ChainTransaction tx) {
        long deadline = System.nanoTime() + BOOTSTRAP_PATIENCE.toNanos();
        while (System.nanoTime() < deadline && gate.isOpen()) {
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
            String txHash,
            long blockNumber,
            String contractAddress,
            String revertReason,
            List<Log> logs,
            BigInteger gasUsed) {}
}
