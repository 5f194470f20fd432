package dev.attest.compliance.service;

import dev.attest.common.problem.ProblemException;
import dev.attest.compliance.CaseHistoryEntry;
import dev.attest.compliance.KycCase;
import dev.attest.compliance.KycStatus;
import dev.attest.compliance.provider.KycProviders;
import dev.attest.compliance.provider.ProviderInquiry;
import dev.attest.compliance.repository.CaseHistoryRepository;
import dev.attest.compliance.repository.KycCaseRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The organization's review queue: cases by status, their history, and reviewers' decisions. A decision
 * is stamped with its time, so a provider event older than the decision can no longer change the case.
 */
@ApplicationScoped
public class ReviewService {
    private final KycCaseRepository cases;
    private final CaseHistoryRepository history;
    private final KycProviders providers;
    private final CaseTransitions transitions;
    private final ProviderDecisions decisions;

    private final ReviewDecisionAudit audit;

    ReviewService(
            KycCaseRepository cases,
            CaseHistoryRepository history,
            KycProviders providers,
            CaseTransitions transitions,
            ProviderDecisions decisions,
            ReviewDecisionAudit audit) {
        this.audit = audit;
        this.cases = cases;
        this.history = history;
        this.providers = providers;
        this.transitions = transitions;
        this.decisions = decisions;
    }

    public record Page(List<KycCase> items, int page, int size, long total) {}

    @Transactional
    public Page queue(String orgId, Optional<KycStatus> status, int page, int size) {
        PanacheQuery<KycCase> query = cases.queue(orgId, status.map(KycStatus::wire));
        List<KycCase> items = query.page(page, size).list();
        return new Page(items, page, size, query.count());
    }

    @Transactional
    public List<CaseHistoryEntry> history(String orgId, UUID caseId) {
        cases.findInOrg(orgId, caseId).orElseThrow(() -> ProblemException.notFound("KYC case " + caseId));
        return history.ofCase(orgId, caseId);
    }

    /**
     * Decides a case in review. The case stays locked while its provider is told ({@link ProviderDecisions}), so a
     * webhook arriving meanwhile waits and then finds the decision newer than itself; a failed call changes nothing.
     */
    @Transactional
    public KycCase decide(String orgId, UUID caseId, boolean approve, String reason, String reviewer) {
        KycCase kycCase = inReview(orgId, caseId);
        ProviderInquiry decided = decisions.decide(
                orgId,
                kycCase.provider,
                providers::credentials,
                kycCase.providerReference,
                approve,
                "kyc-decision-",
                caseId);
        transitions.apply(
                kycCase,
                approve ? KycStatus.VERIFIED : KycStatus.REJECTED,
                decided.providerStatus(),
                OffsetDateTime.now(),
                reviewer,
                reason,
                null);
        cases.flush(); // the case's row before the audit chain's head (docs/audit.md)
        audit.decided("kyc-case", orgId, kycCase.projectId, caseId, approve, decided.providerStatus());
        return kycCase;
    }

    private KycCase inReview(String orgId, UUID caseId) {
        KycCase kycCase =
                cases.lockInOrg(orgId, caseId).orElseThrow(() -> ProblemException.notFound("KYC case " + caseId));
        if (kycCase.kycStatus() != KycStatus.REVIEW || kycCase.providerReference == null) {
            throw ProblemException.conflict(
                    "case-not-in-review", "Only a case in review can be decided; this one is " + kycCase.status + ".");
        }
        return kycCase;
    }
}
