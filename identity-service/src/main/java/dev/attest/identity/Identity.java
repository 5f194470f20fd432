package dev.attest.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's (or a verified business's) OnchainID identity and how far its creation has come. Creation is one transaction through the
 * platform's IdentityOnboarder: the factory deploys the identity, the issuer's claims are added, the user's
 * wallet becomes its management key and the operator a CLAIM key (so it can add later claims), and the
 * onboarder gives up its own management key, leaving the user's wallet in charge.
 */
@Entity
@Table(name = "identities")
public class Identity {
    public enum Step {
        /** Waiting for (or in) its onboarding transaction. */
        DEPLOY,
        READY,
        FAILED
    }

    /** Subjects: whose identity it is. */
    public static final String USER = "user";

    public static final String BUSINESS = "business";

    @Id
    public UUID id;

    @Column(name = "org_id")
    public String orgId;

    /** The user's id, or the business's subject id {@code business:<business_case_id>}. */
    @Column(name = "user_id")
    public String userId;

    /** {@link #USER} or {@link #BUSINESS}: which claims it gets. */
    public String subject;

    @Column(name = "wallet_address")
    public String walletAddress;

    /** The IdFactory salt, derived from the user: a second deployment for the same user is impossible. */
    public String salt;

    @Column(name = "identity_address")
    public String identityAddress;

    @Enumerated(EnumType.STRING)
    public Step step;

    @Column(name = "pending_tx_id")
    public UUID pendingTxId;

    @Column(name = "deploy_tx_hash")
    public String deployTxHash;

    @Column(name = "deploy_block")
    public Long deployBlock;

    @Column(name = "failure_reason")
    public String failureReason;

    /** The trace of the event that asked for its next transaction (W3C traceparent): sending it continues it. */
    public String traceparent;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
