package dev.attest.compliance.service;

import dev.attest.common.alerts.CredentialsRejectedAlerts;
import dev.attest.common.problem.ProblemException;
import dev.attest.compliance.KycCase;
import dev.attest.compliance.KycStatus;
import dev.attest.compliance.provider.ApplicantData;
import dev.attest.compliance.provider.FallbackReason;
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
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Opening and reading KYC cases. A start never runs a provider call inside a database transaction: the
 * case is committed first, the provider is called with the case id as its idempotency key, and the
 * provider's reference is recorded after; a retry after any failure finds the same case and the provider
 * returns the same inquiry.
 */
@ApplicationScoped
public class KycCaseService {
    private static final Logger LOG = Logger.getLogger(KycCaseService.class);
    private final KycCaseRepository cases;
    private final KycProviders providers;
    private final SealedApplicantData applicantData;
    private final CaseTransitions transitions;
    private final CredentialsRejectedAlerts alerts;
    private final FallbackMetrics fallbacks;

    KycCaseService(
            KycCaseRepository cases,
            KycProviders providers,
            SealedApplicantData applicantData,
            CaseTransitions transitions,
            CredentialsRejectedAlerts alerts,
            FallbackMetrics fallbacks) {
        this.cases = cases;
        this.providers = providers;
        this.applicantData = applicantData;
        this.transitions = transitions;
        this.alerts = alerts;
        this.fallbacks = fallbacks;
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
        providers.requireNotSuspended(request.orgId(), request.projectId());
        KycCase kycCase = QuarkusTransaction.requiringNew().call(() -> openOrFind(request));
        if (kycCase.kycStatus() != KycStatus.PENDING) {
            return new Started(kycCase, Optional.empty());
        }
        if (kycCase.providerReference == null) {
            return openAtProvider(kycCase);
        }
        KycProvider provider = providers.named(kycCase.provider);
        try {
            ProviderCredentials credentials = providers.credentials(kycCase.provider, kycCase.orgId);
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

    /**
     * Creates the case's verification at its provider. When the provider certainly created nothing (its circuit is
     * open, it refused the credentials or rate-limited the call, the connection was refused, or the organization has
     * no settings for it) and the project names a fallback, the case moves there once, recorded on the case, and is
     * created there. Each create call is counted on the case in a committed transaction before it is made, and the
     * count goes down only on an answer that proves nothing was created: a case with a call in flight, or one that
     * timed out, failed with a 5xx or was cut by a crash, never moves, so no case is opened at two providers.
     */
    private Started openAtProvider(KycCase kycCase) {
        KycProvider provider = providers.named(kycCase.provider);
        ProviderCredentials credentials;
        try {
            credentials = providers.credentials(kycCase.provider, kycCase.orgId);
        } catch (ProblemException notConfigured) {
            return fallBack(kycCase, FallbackReason.NOT_CONFIGURED).orElseThrow(() -> notConfigured);
        }
        QuarkusTransaction.requiringNew().run(() -> cases.lockById(kycCase.id).openCallsUnsettled++);
        try {
            ProviderInquiry inquiry = alerts.watching(
                    kycCase.orgId,
                    provider.name(),
                    "create-inquiry",
                    () -> provider.open(
                            credentials, kycCase.id.toString(), idempotencyKey(kycCase), applicantData.open(kycCase)));
            KycCase recorded = QuarkusTransaction.requiringNew().call(() -> recordReference(kycCase.id, inquiry));
            return new Started(recorded, inquiry.sessionToken());
        } catch (KycProviderException e) {
            Optional<FallbackReason> nothingCreated = FallbackReason.of(e);
            if (nothingCreated.isEmpty()) {
                throw ProviderProblems.of(e);
            }
            QuarkusTransaction.requiringNew().run(() -> cases.lockById(kycCase.id).openCallsUnsettled--);
            return fallBack(kycCase, nothingCreated.get()).orElseThrow(() -> ProviderProblems.of(e));
        }
    }

    /**
     * Moves a case that its provider certainly did not create to its project's fallback provider, and opens it
     * there; empty when it may not move (it moved once already, a create call is unsettled, the project has no
     * fallback, or the organization has no settings for it).
     */
    private Optional<Started> fallBack(KycCase kycCase, FallbackReason reason) {
        if (kycCase.fallbackFrom != null) {
            return Optional.empty();
        }
        Optional<KycProvider> fallback =
                providers.fallbackFor(kycCase.orgId, Optional.ofNullable(kycCase.projectId), kycCase.provider);
        if (fallback.isEmpty()
                || credentialsOf(fallback.get().name(), kycCase.orgId).isEmpty()) {
            return Optional.empty();
        }
        Optional<KycCase> moved = QuarkusTransaction.requiringNew()
                .call(() -> moveToFallback(
                        kycCase.id, kycCase.provider, fallback.get().name(), reason));
        if (moved.isEmpty()) {
            return Optional.empty();
        }
        LOG.infof(
                "KYC case %s of org %s moved from %s to its project's fallback %s: %s",
                kycCase.id, kycCase.orgId, kycCase.provider, fallback.get().name(), reason.wire());
        fallbacks.fallback(kycCase.provider, fallback.get().name(), reason);
        return Optional.of(openAtProvider(moved.get()));
    }

    private Optional<KycCase> moveToFallback(UUID caseId, String from, String to, FallbackReason reason) {
        KycCase kycCase = cases.lockById(caseId);
        boolean untouched = kycCase.providerReference == null
                && from.equals(kycCase.provider)
                && kycCase.fallbackFrom == null
                && kycCase.openCallsUnsettled == 0;
        if (!untouched) {
            return Optional.empty(); // another start's call is in doubt, or it moved the case first
        }
        kycCase.provider = to;
        kycCase.fallbackFrom = from;
        kycCase.fallbackReason = reason.wire();
        kycCase.fallbackAt = OffsetDateTime.now();
        kycCase.updatedAt = kycCase.fallbackAt;
        return Optional.of(kycCase);
    }

    private Optional<ProviderCredentials> credentialsOf(String provider, String orgId) {
        try {
            return Optional.of(providers.credentials(provider, orgId));
        } catch (ProblemException notConfigured) {
            return Optional.empty();
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
        KycCase kycCase = cases.lockById(caseId);
        transitions.attachInquiry(kycCase, inquiry.reference(), inquiry.providerStatus());
        return kycCase;
    }

    /** One inquiry per case, whatever happens between the call and the commit. */
    private static String idempotencyKey(KycCase kycCase) {
        return "kyc-case-" + kycCase.id;
    }
}
