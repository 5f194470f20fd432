package dev.attest.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A custody wallet in one organization, from the moment its provisioning is due: a user's, or a verified business's
 * (its {@link #userId} then {@code business:<business_case_id>}).
 */
@Entity
@Table(name = "wallet")
public class Wallet {
    public static final String PENDING = "pending";
    public static final String PROVISIONED = "provisioned";
    public static final String FAILED = "failed";
    /** Subjects: whom the wallet is for. */
    public static final String USER = "user";

    public static final String BUSINESS = "business";

    @Id
    public UUID id;

    @Column(name = "org_id")
    public String orgId;

    /** The user's id, or the business's subject id. */
    @Column(name = "user_id")
    public String userId;

    /** {@link #USER} or {@link #BUSINESS}. */
    public String subject;

    /** {@link #PENDING}, {@link #PROVISIONED} or {@link #FAILED}. */
    public String status;

    public String network;
    public String address;

    @Column(name = "provider_wallet_id")
    public String providerWalletId;

    /** The project the user was verified in (from the KYC event), when it named one. */
    @Column(name = "project_id")
    public String projectId;

    /** Set when an attempt is about to call Dfns: a later attempt first looks for what that call made. */
    @Column(name = "dfns_requested_at")
    public Instant dfnsRequestedAt;

    @Column(name = "kyc_case_id")
    public String kycCaseId;

    @Column(name = "kyc_level")
    public String kycLevel;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    /**
     * The user's ERC-4337 SimpleAccount, owned by this wallet's key (the factory's {@code getAddress(address, 0)}):
     * known before it exists, deployed by its first sponsored operation. Null until derived.
     */
    @Column(name = "smart_account_address")
    public String smartAccountAddress;

    @Column(name = "smart_account_deployed")
    public boolean smartAccountDeployed;

    /** The trace of what made the wallet due (W3C traceparent): its provisioning continues that trace. */
    public String traceparent;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** A wallet whose creation at Dfns is due now. */
    public static Wallet pending(
            String orgId, String subject, String userId, String network, String kycCaseId, String kycLevel) {
        Wallet wallet = new Wallet();
        wallet.id = UUID.randomUUID();
        wallet.orgId = orgId;
        wallet.subject = subject;
        wallet.userId = userId;
        wallet.status = PENDING;
        wallet.network = network;
        wallet.kycCaseId = kycCaseId;
        wallet.kycLevel = kycLevel;
        wallet.createdAt = Instant.now();
        wallet.updatedAt = wallet.createdAt;
        wallet.nextAttemptAt = wallet.createdAt;
        return wallet;
    }

    /**
     * The externalId of this wallet at Dfns: derived from the user (or business), so a retried or redelivered
     * provisioning asks Dfns for the same wallet and never creates a second one.
     */
    public String externalId() {
        return "attest:" + orgId + ":" + userId;
    }

    public boolean isActive() {
        return PROVISIONED.equals(status);
    }
}
