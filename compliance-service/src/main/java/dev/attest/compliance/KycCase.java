package dev.attest.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A KYC case: one verification attempt of a user in an organization, its provider inquiry, its status,
 * the decision and the claim issued for it. Status changes go through {@link #moveTo}, which applies only
 * what is newer than the case already shows.
 */
@Entity
@Table(name = "kyc_case")
public class KycCase extends PanacheEntityBase {
    public static final String PROVIDER_ACTOR = "provider";

    @Id
    public UUID id;

    @Column(name = "org_id")
    public String orgId;

    @Column(name = "project_id")
    public String projectId;

    @Column(name = "user_id")
    public String userId;

    public String provider;

    @Column(name = "provider_reference")
    public String providerReference;

    @Column(name = "provider_status")
    public String providerStatus;

    public String status;

    public BigDecimal score;

    public String reason;

    public String level;

    @Column(name = "document_type")
    public String documentType;

    @Column(name = "document_data_enc")
    public String documentDataEnc;

    @Column(name = "personal_info_enc")
    public String personalInfoEnc;

    @Column(name = "provider_event_at")
    public OffsetDateTime providerEventAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "kyc_claim_id")
    public String kycClaimId;

    @Column(name = "kyc_claim_tx_hash")
    public String kycClaimTxHash;

    @Column(name = "kyc_claim_revoked_at")
    public OffsetDateTime kycClaimRevokedAt;

    /** When the provider was last asked about the case because it had been waiting long (CaseReconciliation). */
    /** The provider this case was meant for, when it went to its project's fallback instead; else null. */
    @Column(name = "fallback_from")
    public String fallbackFrom;

    /** Why it went to the fallback: a {@code FallbackReason}'s wire name. */
    @Column(name = "fallback_reason")
    public String fallbackReason;

    @Column(name = "fallback_at")
    public OffsetDateTime fallbackAt;

    /**
     * Create calls to the provider that were started and not (yet) proven to have created nothing: only a case
     * with none may move to another provider (see {@code KycCaseService}).
     */
    @Column(name = "open_calls_unsettled")
    public int openCallsUnsettled;

    @Column(name = "reconciled_at")
    public OffsetDateTime reconciledAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static KycCase open(
            String orgId, Optional<String> projectId, String userId, String provider, String documentType) {
        KycCase kycCase = new KycCase();
        kycCase.id = UUID.randomUUID();
        kycCase.orgId = orgId;
        kycCase.projectId = projectId.orElse(null);
        kycCase.userId = userId;
        kycCase.provider = provider;
        kycCase.status = KycStatus.PENDING.wire();
        kycCase.level = "basic";
        kycCase.documentType = documentType;
        kycCase.createdAt = OffsetDateTime.now();
        kycCase.updatedAt = kycCase.createdAt;
        return kycCase;
    }

    public KycStatus kycStatus() {
        return KycStatus.fromWire(status);
    }

    /** Whether something that happened at {@code at} is newer than everything the case already shows. */
    public boolean isNewer(OffsetDateTime at) {
        return providerEventAt == null || at.isAfter(providerEventAt);
    }

    /**
     * Applies a state observed at {@code at} (a provider event or a reviewer's decision).
     *
     * @return the status change it made, if the status changed
     */
    public Optional<Transition> moveTo(
            KycStatus next, String providerStatus, OffsetDateTime at, String actor, String reason) {
        this.providerStatus = providerStatus;
        this.providerEventAt = at;
        this.updatedAt = OffsetDateTime.now();
        KycStatus previous = kycStatus();
        if (previous == next) {
            return Optional.empty();
        }
        this.status = next.wire();
        this.score = next.score().orElse(null);
        this.reason = reason;
        if (next == KycStatus.VERIFIED || next == KycStatus.REJECTED) {
            this.decidedBy = actor;
            this.decidedAt = at;
        }
        return Optional.of(new Transition(previous, next, actor, reason));
    }

    /** A status change of a case. */
    public record Transition(KycStatus from, KycStatus to, String actor, String reason) {}
}
