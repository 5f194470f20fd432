package dev.attest.compliance.business;

import dev.attest.compliance.KycStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A KYB case: a company applied for by its representative, the provider's verification of the business
 * ({@link #verificationStatus}) and the overall {@link #status}, which also waits for every owner's KYC case
 * ({@link BusinessDecision}). Status changes go through {@link BusinessTransitions}.
 */
@Entity
@Table(name = "business_case")
public class BusinessCase extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "org_id")
    public String orgId;

    @Column(name = "project_id")
    public String projectId;

    @Column(name = "representative_user_id")
    public String representativeUserId;

    public String provider;

    @Column(name = "provider_reference")
    public String providerReference;

    @Column(name = "provider_status")
    public String providerStatus;

    @Column(name = "verification_status")
    public String verificationStatus;

    public String status;

    public String reason;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "provider_event_at")
    public OffsetDateTime providerEventAt;

    @Column(name = "legal_name")
    public String legalName;

    @Column(name = "registration_number")
    public String registrationNumber;

    @Column(name = "country_code")
    public String countryCode;

    @Column(name = "kyb_claim_id")
    public String kybClaimId;

    @Column(name = "kyb_claim_tx_hash")
    public String kybClaimTxHash;

    @Column(name = "kyb_claim_revoked_at")
    public OffsetDateTime kybClaimRevokedAt;

    /** When the provider was last asked about the waiting verification ({@link BusinessReconciliation}). */
    @Column(name = "reconciled_at")
    public OffsetDateTime reconciledAt;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    static BusinessCase open(
            String orgId,
            Optional<String> projectId,
            String representative,
            String provider,
            BusinessApplication.Company company) {
        BusinessCase businessCase = new BusinessCase();
        businessCase.id = UUID.randomUUID();
        businessCase.orgId = orgId;
        businessCase.projectId = projectId.orElse(null);
        businessCase.representativeUserId = representative;
        businessCase.provider = provider;
        businessCase.verificationStatus = KycStatus.PENDING.wire();
        businessCase.status = KycStatus.PENDING.wire();
        businessCase.legalName = company.legalName();
        businessCase.registrationNumber = company.registrationNumber();
        businessCase.countryCode = company.countryCode();
        businessCase.createdAt = OffsetDateTime.now();
        businessCase.updatedAt = businessCase.createdAt;
        return businessCase;
    }

    public KycStatus kybStatus() {
        return KycStatus.fromWire(status);
    }

    public KycStatus verification() {
        return KycStatus.fromWire(verificationStatus);
    }

    /** Whether something that happened at {@code at} is newer than what the business verification shows. */
    boolean isNewer(OffsetDateTime at) {
        return providerEventAt == null || at.isAfter(providerEventAt);
    }
}
