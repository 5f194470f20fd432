package dev.attest.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

/** A transaction the operator signed: recorded before it is broadcast, settled by its receipt. */
@Entity
@Table(name = "chain_transactions")
public class ChainTransaction {
    public enum Status {
        PENDING,
        CONFIRMED,
        REVERTED
    }

    @Id
    public UUID id;

    public String sender;
    public long nonce;
    /** Null for a contract deployment. */
    public String recipient;

    public String data;

    @Column(name = "gas_limit")
    public BigInteger gasLimit;

    @Column(name = "gas_price")
    public BigInteger gasPrice;

    /**
     * The signed transaction, so a rebroadcast sends the very same bytes (same hash, no duplicate). After a fee
     * replacement, the newest version; once settled, the version that was mined.
     */
    public String signed;

    @Column(name = "tx_hash")
    public String txHash;

    /** What the transaction does, e.g. {@code identity:deploy}; for logs and operators. */
    public String purpose;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "block_number")
    public Long blockNumber;

    @Column(name = "contract_address")
    public String contractAddress;

    @Column(name = "revert_reason")
    public String revertReason;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the current version (these bytes, this hash) was signed; a replacement signs a new one. */
    @Column(name = "signed_at")
    public Instant signedAt;

    @Column(name = "broadcast_at")
    public Instant broadcastAt;

    /** When the receipt was taken as final. */
    @Column(name = "settled_at")
    public Instant settledAt;
}
