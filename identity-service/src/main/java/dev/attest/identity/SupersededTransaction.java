package dev.attest.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

/**
 * An earlier signed version of a {@link ChainTransaction} that a replacement with the same nonce and higher
 * fees superseded. It was broadcast, so it may still be the version a miner picks: receipts are looked up for
 * it too, and if it is mined it becomes the transaction's hash again.
 */
@Entity
@Table(name = "superseded_transactions")
public class SupersededTransaction {
    @Id
    @Column(name = "tx_hash")
    public String txHash;

    @Column(name = "transaction_id")
    public UUID transactionId;

    @Column(name = "gas_price")
    public BigInteger gasPrice;

    public String signed;

    @Column(name = "signed_at")
    public Instant signedAt;
}
