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

/**
 * A claim of the platform's ClaimIssuer on an identity, from signing to revocation: KYC on a user's, KYB on a
 * business's.
 */
@Entity
@Table(name = "claims")
public class Claim {
    public enum Status {
        /** Waiting for the identity, or for its addClaim transaction. */
        ISSUING,
        ISSUED,
        REVOKING,
        REVOKED,
        FAILED
    }

    @Id
    public UUID id;

    @Column(name = "identity_id")
    public UUID identityId;

    @Column(name = "org_id")
    public String orgId;

    @Column(name = "user_id")
    public String userId;

    /** The identity's subject ({@link Identity#USER} or {@link Identity#BUSINESS}), announced with the claim. */
    public String subject;

    @Column(name = "kyc_case_id")
    public String kycCaseId;

    /** Null for a KYB claim. */
    @Column(name = "kyc_level")
    public String kycLevel;

    public BigInteger topic;

    /** Set with the signature, when the addClaim transaction is recorded. */
    @Column(name = "issuer_address")
    public String issuerAddress;

    @Column(name = "claim_id")
    public String claimId;

    /** keccak256 of the case reference and level (hex): evidence by pointer, no personal data. */
    public String data;

    public String uri;

    /** Hex; set when the claim is signed, which needs the identity's address. */
    public String signature;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The KYC case was rejected while the claim was on its way: revoke once it is issued. */
    @Column(name = "revoke_requested")
    public boolean revokeRequested;

    @Column(name = "pending_tx_id")
    public UUID pendingTxId;

    @Column(name = "tx_hash")
    public String txHash;

    @Column(name = "block_number")
    public Long blockNumber;

    @Column(name = "revoke_tx_hash")
    public String revokeTxHash;

    @Column(name = "revoke_block")
    public Long revokeBlock;

    @Column(name = "failure_reason")
    public String failureReason;

    /** The trace of the event that asked for its next transaction (W3C traceparent): sending it continues it. */
    public String traceparent;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
