package dev.attest.compliance.service;

import dev.attest.common.alerts.CredentialsRejectedAlerts;
import dev.attest.common.problem.ProblemException;
import dev.attest.compliance.KycCase;
import dev.attest.compliance.KycStatus;
import dev.attest.compliance.provider.ApplicantData;
import dev.attest.compliance.provider.KycProvider;
import dev.attest.compliance.provider.KycProviderException;
import dev.attest.compliance.provider.KycProviders;
import dev.attest.compliance.provider.ProviderCredentials;
import dev.attest.compliance.provider.ProviderInquiry;
import dev.attest.compliance.repository.KycCaseRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * Opening and reading KYC cases. A start never runs a provider call inside a database transaction: the
 * case is committed first, the provider is called with the case id as its idempotency key, and the
 * provider's reference is recorded after; a retry after any failure finds the same case and the provider
 * returns the same inquiry.
 */
@ApplicationScoped
public class KycCaseService {
    private final KycCaseRepository cases;
    private final KycProviders providers;
    private final SealedApplicantData applicantData;
    private final CaseTransitions transitions;
    private final CredentialsRejectedAlerts alerts;

    KycCaseService(
            KycCaseRepository cases,
            KycProviders providers,
            SealedApplicantData applicantData,
            CaseTransitions transitions,
            CredentialsRejectedAlerts alerts) {
        this.cases = cases;
        this.providers = providers;
        this.applicantData = applicantData;
        this.transitions = transitions;
        this.alerts = alerts;
    }

    /** What the user starts with: their personal data arrives here and is only ever stored sealed. */
    public record StartRequest(
            String orgId, Optional<String> projectId, String userId, String documentType, ApplicantData applicant) {}

    /** The case and, when the user can continue the flow now, a session for it. */
    public record Started(KycCase kycCase, Optional<String> sessionToken) {}

    /** What a user can do next about their verification. */
    public enum NextAction {
        START,
        RESUME,
        WAIT,
        NONE,
        CONTACT_SUPPORT
    }

    public record UserStatus(Optional<KycCase> kycCase, KycStatus status, String message, NextAction next) {}

    public Started start(StartRequest request) {
        KycCase kycCase = QuarkusTransaction.requiringNew().call(() -> openOrFind(request));
        if (kycCase.kycStatus() != KycStatus.PENDING) {
            return new Started(kycCase, Optional.empty());
        }
        KycProvider provider = providers.named(kycCase.provider);
        ProviderCredentials credentials = providers.credentials(kycCase.provider, kycCase.orgId);
        try {
            if (kycCase.providerReference == null) {
                ProviderInquiry inquiry = alerts.watching(
                        kycCase.orgId,
                        provider.name(),
                        "create-inquiry",
                        () -> provider.open(
                                credentials,
                                kycCase.id.toString(),
                                idempotencyKey(kycCase),
                                applicantData.open(kycCase)));
                KycCase recorded = QuarkusTransaction.requiringNew().call(() -> recordReference(kycCase.id, inquiry));
                return new Started(recorded, inquiry.sessionToken());
            }
            ProviderInquiry resumed = alerts.watching(
                    kycCase.orgId,
                    provider.name(),
                    "resume-inquiry",
                    () -> provider.resume(credentials, kycCase.providerReference));
            return new Started(kycCase, resumed.sessionToken());
        } catch (KycProviderException e) {
            if (e.kind() == KycProviderException.Kind.REJECTED && e.status() == 409) {
                // Persona refuses to resume a finished inquiry whose webhook has not arrived yet: nothing to resume.
                return new Started(kycCase, Optional.empty());
            }
            throw ProviderProblems.of(e);
        }
    }

    @Transactional
    public KycCase get(String orgId, UUID caseId, Optional<String> onlyOfUser) {
        return cases.findInOrg(orgId, caseId)
                .filter(kycCase -> onlyOfUser.map(kycCase.userId::equals).orElse(true))
                .orElseThrow(() -> ProblemException.notFound("KYC case " + caseId));
    }

    @Transactional
    public UserStatus statusOf(String orgId, String userId) {
        Optional<KycCase> latest = cases.findLatest(orgId, userId);
        if (latest.isEmpty()) {
            return new UserStatus(latest, KycStatus.PENDING, "Verify your identity to get started.", NextAction.START);
        }
        KycCase kycCase = latest.get();
        KycStatus status = kycCase.kycStatus();
        NextAction next =
                switch (status) {
                    case PENDING -> kycCase.providerReference == null ? NextAction.START : NextAction.RESUME;
                    case REVIEW -> NextAction.WAIT;
                    case VERIFIED -> NextAction.NONE;
                    case REJECTED -> NextAction.CONTACT_SUPPORT;
                };
        return new UserStatus(latest, status, status.message(), next);
    }

    private KycCase openOrFind(StartRequest request) {
        Optional<KycCase> open = cases.findOpen(request.orgId(), request.userId());
        if (open.isPresent()) {
            return open.get();
        }
        if (cases.findLatest(request.orgId(), request.userId()).isPresent()) {
            // The latest case was rejected: a new attempt goes through support, not a self-service loop.
            throw new ProblemException(
                    409,
                    "kyc-rejected",
                    "Verification was rejected",
                    "Your identity verification was rejected; please contact support.");
        }
        KycCase kycCase = KycCase.open(
                request.orgId(),
                request.projectId(),
                request.userId(),
                providers.forNewCase(request.orgId(), request.projectId()).name(),
                request.documentType());
        applicantData.seal(kycCase, request.applicant());
        try {
            cases.persistAndFlush(kycCase);
        } catch (PersistenceException e) {
            // A concurrent start of the same user won the unique index: theirs is the user's case.
            throw new ProblemException(
                    409, "kyc-start-in-progress", "Verification is being started", "Retry in a moment.");
        }
        return kycCase;
    }

    private KycCase recordReference(UUID caseId, ProviderInquiry inquiry) {
        KycCase kycCase = cases.findByIdOptional(caseId).orElseThrow();
        cases.getEntityManager().lock(kycCase, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        transitions.attachInquiry(kycCase, inquiry.reference(), inquiry.providerStatus());
        return kycCase;
    }

    /** One inquiry per case, whatever happens between the call and the commit. */
    private static String idempotencyKey(KycCase kycCase) {
        return "kyc-case-" + kycCase.id;
    }
}
