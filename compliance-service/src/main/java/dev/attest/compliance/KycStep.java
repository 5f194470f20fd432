package dev.attest.compliance;

import dev.attest.compliance.provider.ProviderStep;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A verification step of a case, showing the newest observation of it in the provider's time. */
@Entity
@Table(name = "kyc_step")
@IdClass(KycStep.Key.class)
public class KycStep extends PanacheEntityBase {
    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Id
    @Column(name = "provider_step_id")
    public String providerStepId;

    @Column(name = "org_id")
    public String orgId;

    public String kind;

    /** The wire name of a {@link StepStatus}. */
    public String status;

    @Column(name = "provider_status")
    public String providerStatus;

    @Column(name = "provider_at")
    public OffsetDateTime providerAt;

    /** When this service last changed the row: not part of what converges. */
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public static KycStep of(KycCase kycCase, ProviderStep observed) {
        KycStep step = new KycStep();
        step.caseId = kycCase.id;
        step.orgId = kycCase.orgId;
        step.providerStepId = observed.providerId();
        step.show(observed);
        return step;
    }

    /** What the row shows, as an observation, to compare a new one with. */
    public ProviderStep shown() {
        return new ProviderStep(kind, providerStepId, providerStatus, StepStatus.fromWire(status), providerAt);
    }

    public void show(ProviderStep observed) {
        kind = observed.kind();
        status = observed.status().wire();
        providerStatus = observed.providerStatus();
        providerAt = observed.at();
        recordedAt = OffsetDateTime.now();
    }

    /** The primary key: the provider's step within its case. */
    public static class Key implements Serializable {
        public UUID caseId;
        public String providerStepId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(key.caseId, caseId)
                    && Objects.equals(key.providerStepId, providerStepId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, providerStepId);
        }
    }
}
