package dev.attest.compliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One status change of a case in its audit trail. */
@Entity
@Table(name = "kyc_case_history")
public class CaseHistoryEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "org_id")
    public String orgId;

    public OffsetDateTime at;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    @Column(name = "provider_status")
    public String providerStatus;

    /** {@code provider}, or the subject of the reviewer who decided. */
    public String actor;

    public String reason;

    @Column(name = "provider_event_id")
    public String providerEventId;

    public static CaseHistoryEntry of(KycCase kycCase, KycCase.Transition transition, String providerEventId) {
        CaseHistoryEntry entry = new CaseHistoryEntry();
        entry.caseId = kycCase.id;
        entry.orgId = kycCase.orgId;
        entry.at = OffsetDateTime.now();
        entry.fromStatus = transition.from() == null ? null : transition.from().wire();
        entry.toStatus = transition.to().wire();
        entry.providerStatus = kycCase.providerStatus;
        entry.actor = transition.actor();
        entry.reason = transition.reason();
        entry.providerEventId = providerEventId;
        return entry;
    }
}
