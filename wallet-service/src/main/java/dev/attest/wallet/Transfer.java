package dev.attest.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A transfer out of a user's wallet, mirrored from Dfns. */
@Entity
@Table(name = "transfer")
public class Transfer {
    /** Above the org's approval threshold: waits for an org admin's decision, not sent to Dfns. */
    public static final String AWAITING_APPROVAL = "awaiting_approval";

    /** Stored, not yet accepted by Dfns (a crash or an outage in between): resubmitted with the same externalId. */
    public static final String REQUESTED = "requested";

    public static final String REJECTED = "rejected";

    /** The lifecycle, in order: ours (awaiting approval, requested), then Dfns's; the last three are final. */
    public static final List<String> LIFECYCLE = List.of(
            AWAITING_APPROVAL, REQUESTED, "pending", "executing", "broadcasted", "confirmed", "failed", REJECTED);

    private static final int FIRST_DFNS_STATUS = LIFECYCLE.indexOf("pending");
    private static final int FIRST_FINAL_STATUS = LIFECYCLE.indexOf("confirmed");

    @Id
    public UUID id;

    @Column(name = "org_id")
    public String orgId;

    @Column(name = "wallet_id")
    public UUID walletId;

    @Column(name = "user_id")
    public String userId;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** Hash of the request, to tell a replay (same key, same body) from a conflict. */
    @Column(name = "request_hash")
    public String requestHash;

    /** {@code native} or {@code erc20}. */
    public String kind;

    @Column(name = "to_address")
    public String toAddress;

    public java.math.BigDecimal amount;
    public String contract;
    public String status;

    @Column(name = "provider_transfer_id")
    public String providerTransferId;

    @Column(name = "tx_hash")
    public String txHash;

    public String reason;

    /** The org admin who approved or rejected it, when it needed approval. */
    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** Why the admin rejected it. */
    @Column(name = "decision_reason")
    public String decisionReason;

    /** Sent from the user's smart account as an ERC-4337 UserOperation whose gas the project's paymaster pays. */
    public boolean sponsored;

    /** The address the value leaves: the smart account for a sponsored transfer, else the wallet (null before). */
    @Column(name = "from_address")
    public String fromAddress;

    /** The hash of the last UserOperation made for it (sponsored only). */
    @Column(name = "user_op_hash")
    public String userOpHash;

    /** That operation in its JSON-RPC form, signed once Dfns signed it: what a resend sends again. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "user_operation")
    public String userOperation;

    /** What the sponsor paid for its gas (wei), once settled. */
    @Column(name = "gas_cost")
    public java.math.BigDecimal gasCost;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public BigInteger amountValue() {
        return amount.toBigIntegerExact();
    }

    public boolean isFinal() {
        return LIFECYCLE.indexOf(status) >= FIRST_FINAL_STATUS;
    }

    /**
     * Whether {@code next}, a status Dfns reported, moves this transfer forward. Dfns retries webhooks with new event ids and in no
     * guaranteed order, so a status seen before, or one behind the current, changes nothing.
     */
    public boolean advancesTo(String next) {
        int to = LIFECYCLE.indexOf(next);
        return to >= FIRST_DFNS_STATUS && !isFinal() && to > LIFECYCLE.indexOf(status);
    }
}
