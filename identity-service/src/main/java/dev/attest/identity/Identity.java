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
 * A user's OnchainID identity and how far its creation has come. Creation takes several transactions,
 * each sent once the previous one is mined: the factory deploys the identity with the operator as its
 * manager, the user's wallet becomes a management key, the operator becomes a CLAIM key (so it can add
 * the issuer's claims) and finally gives up its management key, leaving the user's wallet in charge.
 */
@Entity
@Table(name = "identities")
public class Identity {
    public enum Step {
        DEPLOY,
        ADD_WALLET_KEY,
        ADD_OPERATOR_CLAIM_KEY,
        DROP_OPERATOR_MANAGEMENT_KEY,
        READY,
        FAILED;

        public Step next() {
            return values()[ordinal() + 1];
        }
    }

    @Id
    public UUID id;

    @Column(name = "org_id")
    public String orgId;

    @Column(name = "user_id")
    public String userId;

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

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
