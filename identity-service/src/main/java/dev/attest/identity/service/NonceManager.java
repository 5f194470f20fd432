package dev.attest.identity.service;

import dev.attest.identity.client.EvmNode;
import dev.attest.identity.repository.ChainTransactionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands out the operator's nonces one after the other without waiting for receipts, so many transactions
 * are in flight at once. It starts (and restarts after a failure) from what is known: the highest nonce this
 * service recorded and the node's pending count, whichever is further.
 */
@ApplicationScoped
public class NonceManager {
    private final EvmNode node;
    private final ChainTransactionRepository transactions;
    private final PlatformKeys keys;
    private Long next;

    NonceManager(EvmNode node, ChainTransactionRepository transactions, PlatformKeys keys) {
        this.node = node;
        this.transactions = transactions;
        this.keys = keys;
    }

    /** The nonce for the next transaction; the caller must record it or call {@link #forget()}. */
    public synchronized long next() {
        if (next == null) {
            next = recover();
        }
        return next++;
    }

    /** Forget the counter: a nonce was handed out but not recorded; the next call recovers from the facts. */
    public synchronized void forget() {
        next = null;
    }

    private long recover() {
        String operator = keys.operatorAddress();
        long recorded = QuarkusTransaction.requiringNew()
                .call(() -> transactions.highestNonce(operator).map(n -> n + 1).orElse(0L));
        long onChain = node.pendingNonce(operator).longValueExact();
        return Math.max(recorded, onChain);
    }
}
