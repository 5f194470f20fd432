package dev.attest.compliance.service;

import dev.attest.common.audit.AuditChanges;
import dev.attest.common.audit.AuditEntry;
import dev.attest.common.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * A reviewer's decision on a KYC or KYB case in the audit trail (issue 20): who decided which case, from review to
 * verified or rejected, and what the provider then said; the caller and source come from the request. The reviewer's
 * reason is not copied there: it is free text that may name the person, and stays in the case's own history.
 */
@ApplicationScoped
public class ReviewDecisionAudit {
    private final AuditTrail trail;

    ReviewDecisionAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** {@code kind}: {@code kyc-case} or {@code kyb-case}; must run in the decision's transaction. */
    public void decided(
            String kind, String orgId, String projectId, UUID caseId, boolean approve, String providerStatus) {
        String status = approve ? "verified" : "rejected";
        trail.record(AuditEntry.of(kind + (approve ? ".approved" : ".declined"), orgId, kind, caseId.toString())
                .withProject(projectId)
                .withChanges(AuditChanges.of(
                        Map.of("status", "review"),
                        Map.of("status", status, "provider_status", providerStatus == null ? "" : providerStatus))));
    }
}
