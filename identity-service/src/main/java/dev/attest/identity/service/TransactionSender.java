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
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Sends the operator's transactions: takes a gas limit (estimated, or for a recurring call the one
 * {@link GasLimits} keeps), signs with the next nonce, records the signed bytes
 * (with whatever waits for it) in one database transaction, and only then broadcasts. A broadcast that
 * fails is repeated by {@link #rebroadcastStale()} with the same bytes, so an outage neither loses nor
 * duplicates a transaction. A transaction not mined in time is replaced by {@link #replaceIfStuck}: the same
 * nonce and call with a higher gas price, the earlier version kept, since either may be the one mined.
 */
@ApplicationScoped
public class TransactionSender {
    private static final Logger LOG = Logger.getLogger(TransactionSender.class);
    /** The smallest gas price increase (percent) geth accepts for a same-nonce replacement (anvil takes any increase). */
    static final int MIN_FEE_BUMP_PERCENT = 10;

    private final EvmNode node;
    private final NonceManager nonces;
    private final PlatformKeys keys;
    private final ChainTransactionRepository transactions;
    private final SupersededTransactionRepository superseded;
    private final IdentityConfig config;
    private final GasLimits gasLimits;
    private volatile PriceReading lastPrice;

    /** The node's gas price and when it was read: read at most once per {@link #PRICE_FRESHNESS}. */
    private record PriceReading(BigInteger wei, long readAtNanos) {}

    private static final Duration PRICE_FRESHNESS = Duration.ofSeconds(2);

    TransactionSender(
            EvmNode node,
            GasLimits gasLimits,
            NonceManager nonces,
            PlatformKeys keys,
            ChainTransactionRepository transactions,
            SupersededTransactionRepository superseded,
            IdentityConfig config) {
        if (config.feeBumpPercent() < MIN_FEE_BUMP_PERCENT) {
            throw new IllegalStateException("attest.identity.fee-bump-percent must be at least " + MIN_FEE_BUMP_PERCENT
                    + ": nodes refuse a smaller replacement");
        }
        this.node = node;
        this.gasLimits = gasLimits;
        this.nonces = nonces;
        this.keys = keys;
        this.transactions = transactions;
        this.superseded = superseded;
        this.config = config;
    }

    /**
     * Sends {@code data} to {@code to} (null: deploys a contract), a one-off call: its gas is estimated first.
     *
     * @param waiting runs inside the recording transaction with the new transaction's id, to remember it
     * @throws dev.attest.identity.client.RevertedException if the estimate reverts: nothing is sent
     * @throws ChainUnavailableException if the node cannot estimate: nothing is sent, try again later
     */
    public ChainTransaction send(String purpose, String to, String data, Consumer<UUID> waiting) {
        return send(purpose, gasLimits.limitFor(null, keys.operatorAddress(), to, data), to, data, waiting);
    }

    /**
     * Sends a call the operator makes again and again ({@code purpose} names its kind), with the gas limit
     * {@link GasLimits} keeps for that kind: no estimate per send, so a revert shows in the receipt.
     */
    public ChainTransaction sendRecurring(String purpose, String to, String data, Consumer<UUID> waiting) {
        return send(purpose, gasLimits.limitFor(purpose, keys.operatorAddress(), to, data), to, data, waiting);
    }

    private ChainTransaction send(String purpose, BigInteger gasLimit, String to, String data, Consumer<UUID> waiting) {
        BigInteger gasPrice = currentGasPrice();
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

    private BigInteger currentGasPrice() {
        PriceReading reading = lastPrice;
        if (reading == null || System.nanoTime() - reading.readAtNanos() > PRICE_FRESHNESS.toNanos()) {
            reading = new PriceReading(node.gasPrice(), System.nanoTime());
            lastPrice = reading;
        }
        return reading.wei();
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

    /**
     * Replaces {@code tx} if its current version was signed longer than {@code replace-after} ago and it is
     * still pending: the same nonce, recipient, call and gas limit, signed with a gas price raised by at least
     * {@code fee-bump-percent} (and not below the node's current price). The replacement is recorded, with the
     * version it supersedes, before it is broadcast.
     *
     * @return whether a replacement was recorded
     * @throws ChainUnavailableException if the node cannot tell its gas price: nothing is replaced
     */
    public boolean replaceIfStuck(ChainTransaction tx) {
        if (tx.signedAt.isAfter(Instant.now().minus(config.replaceAfter()))) {
            return false;
        }
        BigInteger minimum = tx.gasPrice
                .multiply(BigInteger.valueOf(100L + config.feeBumpPercent()))
                .add(BigInteger.valueOf(99))
                .divide(BigInteger.valueOf(100));
        BigInteger gasPrice = minimum.max(node.gasPrice());
        if (config.maxGasPriceWei().isPresent()) {
            gasPrice = gasPrice.min(config.maxGasPriceWei().get());
            if (gasPrice.compareTo(minimum) < 0) {
                LOG.warnf(
                        "transaction %s (%s, nonce %d) is not mined yet, but its replacement would exceed the gas"
                                + " price ceiling %s",
                        tx.txHash, tx.purpose, tx.nonce, config.maxGasPriceWei().get());
                return false;
            }
        }
        BigInteger price = gasPrice;
        Optional<ChainTransaction> replaced =
                QuarkusTransaction.requiringNew().call(() -> recordReplacement(tx, price));
        if (replaced.isEmpty()) {
            return false;
        }
        LOG.infof(
                "transaction %s (%s, nonce %d) not mined after %s: replaced by %s at gas price %s",
                tx.txHash, tx.purpose, tx.nonce, config.replaceAfter(), replaced.get().txHash, price);
        broadcast(replaced.get());
        return true;
    }

    /** Signs with the next nonce and records; package-private for the crash-recovery test. */
    ChainTransaction record(
            String purpose, String to, String data, BigInteger gasLimit, BigInteger gasPrice, Consumer<UUID> waiting) {
        long nonce = nonces.next();
        ChainTransaction tx = new ChainTransaction();
        tx.id = UUID.randomUUID();
        tx.sender = keys.operatorAddress();
        tx.nonce = nonce;
        tx.recipient = to;
        tx.data = data;
        tx.gasLimit = gasLimit;
        sign(tx, gasPrice);
        tx.purpose = purpose;
        tx.status = ChainTransaction.Status.PENDING;
        tx.createdAt = tx.signedAt;
        transactions.persist(tx);
        transactions.flush(); // what waits for it refers to the row
        waiting.accept(tx.id);
        return tx;
    }

    /** Keeps the current version of {@code tx} as superseded and makes a new one at {@code gasPrice}. */
    private Optional<ChainTransaction> recordReplacement(ChainTransaction tx, BigInteger gasPrice) {
        ChainTransaction managed = transactions.findById(tx.id, LockModeType.PESSIMISTIC_WRITE);
        if (managed.status != ChainTransaction.Status.PENDING || !managed.txHash.equals(tx.txHash)) {
            return Optional.empty(); // settled or replaced meanwhile
        }
        SupersededTransaction earlier = new SupersededTransaction();
        earlier.txHash = managed.txHash;
        earlier.transactionId = managed.id;
        earlier.gasPrice = managed.gasPrice;
        earlier.signed = managed.signed;
        earlier.signedAt = managed.signedAt;
        superseded.persist(earlier);
        sign(managed, gasPrice);
        managed.broadcastAt = null;
        return Optional.of(managed);
    }

    /** Signs {@code tx}'s call with its nonce at {@code gasPrice} (EIP-155, legacy gas price) and sets its bytes. */
    private void sign(ChainTransaction tx, BigInteger gasPrice) {
        BigInteger nonce = BigInteger.valueOf(tx.nonce);
        RawTransaction raw = tx.recipient == null
                ? RawTransaction.createContractTransaction(nonce, gasPrice, tx.gasLimit, BigInteger.ZERO, tx.data)
                : RawTransaction.createTransaction(nonce, gasPrice, tx.gasLimit, tx.recipient, tx.data);
        byte[] signed = TransactionEncoder.signMessage(raw, config.chainId(), keys.operator());
        tx.gasPrice = gasPrice;
        tx.signed = Numeric.toHexString(signed);
        tx.txHash = Hash.sha3(tx.signed);
        tx.signedAt = Instant.now();
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
