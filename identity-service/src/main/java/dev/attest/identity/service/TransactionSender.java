package dev.attest.identity.service;

import dev.attest.identity.ChainTransaction;
import dev.attest.identity.client.ChainUnavailableException;
import dev.attest.identity.client.EvmNode;
import dev.attest.identity.config.IdentityConfig;
import dev.attest.identity.repository.ChainTransactionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Sends the operator's transactions: estimates gas, signs with the next nonce, records the signed bytes
 * (with whatever waits for it) in one database transaction, and only then broadcasts. A broadcast that
 * fails is repeated by {@link #rebroadcastStale()} with the same bytes, so an outage neither loses nor
 * duplicates a transaction.
 */
@ApplicationScoped
public class TransactionSender {
    private static final Logger LOG = Logger.getLogger(TransactionSender.class);

    private final EvmNode node;
    private final NonceManager nonces;
    private final PlatformKeys keys;
    private final ChainTransactionRepository transactions;
    private final IdentityConfig config;

    TransactionSender(
            EvmNode node,
            NonceManager nonces,
            PlatformKeys keys,
            ChainTransactionRepository transactions,
            IdentityConfig config) {
        this.node = node;
        this.nonces = nonces;
        this.keys = keys;
        this.transactions = transactions;
        this.config = config;
    }

    /**
     * Sends {@code data} to {@code to} (null: deploys a contract).
     *
     * @param waiting runs inside the recording transaction with the new transaction's id, to remember it
     * @throws dev.attest.identity.client.RevertedException if the estimate reverts: nothing is sent
     * @throws ChainUnavailableException if the node cannot estimate: nothing is sent, try again later
     */
    public ChainTransaction send(String purpose, String to, String data, Consumer<UUID> waiting) {
        BigInteger estimate = node.estimateGas(keys.operatorAddress(), to, data);
        BigInteger gasLimit = estimate.multiply(BigInteger.valueOf(config.gasHeadroomPercent()))
                .divide(BigInteger.valueOf(100));
        BigInteger gasPrice = node.gasPrice();
        ChainTransaction tx;
        try {
            tx = QuarkusTransaction.requiringNew().call(() -> record(purpose, to, data, gasLimit, gasPrice, waiting));
        } catch (RuntimeException e) {
            nonces.forget(); // the nonce was handed out but not recorded
            throw e;
        }
        broadcast(tx);
        return tx;
    }

    /** Broadcasts again every pending transaction not broadcast recently (after an outage or a restart). */
    public void rebroadcastStale() {
        Instant stale = Instant.now().minus(config.rebroadcastAfter());
        for (ChainTransaction tx :
                QuarkusTransaction.requiringNew().call(() -> transactions.pending(keys.operatorAddress()))) {
            if (tx.broadcastAt == null || tx.broadcastAt.isBefore(stale)) {
                broadcast(tx);
            }
        }
    }

    /** Signs with the next nonce and records; package-private for the crash-recovery test. */
    ChainTransaction record(
            String purpose, String to, String data, BigInteger gasLimit, BigInteger gasPrice, Consumer<UUID> waiting) {
        long nonce = nonces.next();
        RawTransaction raw = to == null
                ? RawTransaction.createContractTransaction(
                        BigInteger.valueOf(nonce), gasPrice, gasLimit, BigInteger.ZERO, data)
                : RawTransaction.createTransaction(BigInteger.valueOf(nonce), gasPrice, gasLimit, to, data);
        byte[] signed = TransactionEncoder.signMessage(raw, config.chainId(), keys.operator());
        ChainTransaction tx = new ChainTransaction();
        tx.id = UUID.randomUUID();
        tx.sender = keys.operatorAddress();
        tx.nonce = nonce;
        tx.recipient = to;
        tx.data = data;
        tx.gasLimit = gasLimit;
        tx.gasPrice = gasPrice;
        tx.signed = Numeric.toHexString(signed);
        tx.txHash = org.web3j.crypto.Hash.sha3(tx.signed);
        tx.purpose = purpose;
        tx.status = ChainTransaction.Status.PENDING;
        tx.createdAt = Instant.now();
        transactions.persist(tx);
        transactions.flush(); // what waits for it refers to the row
        waiting.accept(tx.id);
        return tx;
    }

    private void broadcast(ChainTransaction tx) {
        try {
            node.broadcast(tx.signed);
            QuarkusTransaction.requiringNew()
                    .run(() -> transactions.update("broadcastAt = ?1 where id = ?2", Instant.now(), tx.id));
        } catch (ChainUnavailableException e) {
            LOG.warnf(
                    "transaction %s (%s, nonce %d) not broadcast yet: %s",
                    tx.txHash, tx.purpose, tx.nonce, e.getMessage());
        }
    }
}
