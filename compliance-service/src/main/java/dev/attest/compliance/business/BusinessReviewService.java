package dev.attest.compliance.business;

import dev.attest.common.problem.ProblemException;
import dev.attest.compliance.KycStatus;
import dev.attest.compliance.provider.ProviderInquiry;
import dev.attest.compliance.service.ProviderDecisions;
import dev.attest.compliance.service.ReviewDecisionAudit;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The organization's KYB review queue and reviewers' decisions on a business verification in review, as {@code
 * ReviewService} does for KYC cases: the provider is told first ({@link ProviderDecisions}), with the case locked, and
 * the decision is stamped with its time so that an older webhook cannot re-decide it.
 */
@ApplicationScoped
public class BusinessReviewService {
    private final BusinessCaseRepository cases;
    private final KybService kyb;
    private final BusinessCredentials credentials;
    private final BusinessTransitions transitions;
    private final ProviderDecisions decisions;

    private final ReviewDecisionAudit audit;

    BusinessReviewService(
            BusinessCaseRepository cases,
            KybService kyb,
            BusinessCredentials credentials,
            BusinessTransitions transitions,
            ProviderDecisions decisions,
            ReviewDecisionAudit audit) {
        this.audit = audit;
        this.cases = cases;
        this.kyb = kyb;
        this.credentials = credentials;
        this.transitions = transitions;
        this.decisions = decisions;
    }

    public record Page(List<BusinessCase> items, int page, int size, long total) {}

    @Transactional
    public Page queue(String orgId, Optional<KycStatus> status, int page, int size) {
        PanacheQuery<BusinessCase> query = cases.queue(orgId, status.map(KycStatus::wire));
        return new Page(query.page(page, size).list(), page, size, query.count());
    }

    @Transactional
    public KybService.Shown decide(String orgId, UUID caseId, boolean approve, String reason, String reviewer) {
        BusinessCase businessCase =
                cases.lockInOrg(orgId, caseId).orElseThrow(() -> ProblemException.notFound("business case " + caseId));
        if (businessCase.kybStatus() != KycStatus.REVIEW || businessCase.providerReference == null) {
            throw ProblemException.conflict(
                    "case-not-in-review",
                    "Only a business case in review can be decided; this one is " + businessCase.status + ".");
        }
        ProviderInquiry decided = decisions.decide(
                orgId,
                businessCase.provider,
                credentials::of,
                businessCase.providerReference,
                approve,
                "kyb-decision-",
                caseId);
        transitions.fromVerification(
                businessCase,
                approve ? KycStatus.VERIFIED : KycStatus.REJECTED,
                decided.providerStatus(),
                OffsetDateTime.now(),
                reviewer,
                Optional.of(reason));
        cases.flush(); // the case's row before the audit chain's head (docs/audit.md)
        audit.decided("kyb-case", orgId, businessCase.projectId, caseId, approve, decided.providerStatus());
        return kyb.get(orgId, caseId, Optional.empty());
    }
}
