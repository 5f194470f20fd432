package dev.attest.compliance.business;

import dev.attest.common.alerts.CredentialsRejectedAlerts;
import dev.attest.common.problem.ProblemException;
import dev.attest.compliance.KycStatus;
import dev.attest.compliance.provider.KycProvider;
import dev.attest.compliance.provider.KycProviderException;
import dev.attest.compliance.provider.KycProviders;
import dev.attest.compliance.provider.ProviderCredentials;
import dev.attest.compliance.provider.ProviderInquiry;
import dev.attest.compliance.service.KycCaseService;
import dev.attest.compliance.service.ProviderProblems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applying for a business and reading business cases. As a KYC start, no provider call runs inside a database
 * transaction: the case and its owners are committed first, then each owner's KYC case is opened through {@link
 * KycCaseService} (their personal data sealed until the provider has it), then the business's KYB inquiry, with the
 * case id as idempotency key. A retried application finds the same case and completes what is missing; the
 * provider returns the same inquiries.
 */
@ApplicationScoped
public class KybService {
    /**
     * A KYC case records a document type; an owner chooses their document in the provider's flow, so their case
     * names the most common one.
     */
    static final String OWNER_DOCUMENT_TYPE = "id_card";

    private final BusinessCaseRepository cases;
    private final BusinessOwnerRepository owners;
    private final KycProviders providers;
    private final BusinessCredentials businessCredentials;
    private final KycCaseService kycCases;
    private final BusinessTransitions transitions;
    private final CredentialsRejectedAlerts alerts;

    KybService(
            BusinessCaseRepository cases,
            BusinessOwnerRepository owners,
            KycProviders providers,
            BusinessCredentials businessCredentials,
            KycCaseService kycCases,
            BusinessTransitions transitions,
            CredentialsRejectedAlerts alerts) {
        this.cases = cases;
        this.owners = owners;
        this.providers = providers;
        this.businessCredentials = businessCredentials;
        this.kycCases = kycCases;
        this.transitions = transitions;
        this.alerts = alerts;
    }

    /** A business case as shown: its owners with their KYC status and, right after applying, their links. */
    public record Shown(BusinessCase businessCase, Optional<String> sessionToken, List<ShownOwner> owners) {}

    public record ShownOwner(
            BusinessOwner owner, Optional<UUID> kycCaseId, KycStatus kycStatus, Optional<String> verificationLink) {}

    public Shown apply(
            String orgId, Optional<String> projectId, String representative, BusinessApplication application) {
        KycProvider provider = providers.forNewCase(orgId, projectId);
        // Both flows must be configured before anything is stored.
        ProviderCredentials credentials = businessCredentials.of(provider.name(), orgId);
        providers.credentials(provider.name(), orgId);
        BusinessCase businessCase = QuarkusTransaction.requiringNew()
                .call(() -> openOrFind(orgId, projectId, representative, provider.name(), application));
        openOwners(businessCase, application);
        Optional<String> session = openBusiness(businessCase, provider, credentials, application);
        BusinessCase current = QuarkusTransaction.requiringNew().call(() -> cases.findById(businessCase.id));
        List<BusinessOwnerRepository.OwnerState> states =
                QuarkusTransaction.requiringNew().call(() -> owners.states(current));
        // The links are provider calls: made after the transaction, never inside one.
        return new Shown(
                current,
                session,
                states.stream()
                        .map(state -> shown(
                                state,
                                state.status() == KycStatus.PENDING && state.reference() != null
                                        ? Optional.of(verificationLink(current.orgId, state))
                                        : Optional.empty()))
                        .toList());
    }

    /** A fresh verification link for an owner whose verification is still to be done. */
    public String link(String orgId, UUID caseId, Optional<String> onlyOfRepresentative, UUID ownerId) {
        BusinessOwnerRepository.OwnerState state = QuarkusTransaction.requiringNew()
                .call(() -> {
                    BusinessCase businessCase = visible(orgId, caseId, onlyOfRepresentative);
                    return owners.states(businessCase).stream()
                            .filter(candidate -> candidate.owner().id.equals(ownerId))
                            .findFirst()
                            .orElseThrow(() -> ProblemException.notFound("business owner " + ownerId));
                });
        if (state.status() != KycStatus.PENDING || state.reference() == null) {
            throw ProblemException.conflict(
                    "owner-not-pending",
                    "This owner's verification is " + state.status().wire() + "; no link is needed.");
        }
        return verificationLink(orgId, state);
    }

    @Transactional
    public Shown get(String orgId, UUID caseId, Optional<String> onlyOfRepresentative) {
        BusinessCase businessCase = visible(orgId, caseId, onlyOfRepresentative);
        return new Shown(businessCase, Optional.empty(), shownOwners(businessCase));
    }

    @Transactional
    public List<Shown> ofRepresentative(String orgId, String representative) {
        return cases.ofRepresentative(orgId, representative).stream()
                .map(businessCase -> new Shown(businessCase, Optional.empty(), shownOwners(businessCase)))
                .toList();
    }

    private BusinessCase visible(String orgId, UUID caseId, Optional<String> onlyOfRepresentative) {
        return cases.findInOrg(orgId, caseId)
                .filter(businessCase -> onlyOfRepresentative
                        .map(businessCase.representativeUserId::equals)
                        .orElse(true))
                .orElseThrow(() -> ProblemException.notFound("business case " + caseId));
    }

    private BusinessCase openOrFind(
            String orgId,
            Optional<String> projectId,
            String representative,
            String provider,
            BusinessApplication application) {
        BusinessApplication.Company company = application.company();
        Optional<BusinessCase> open =
                cases.findOpen(orgId, projectId, company.countryCode(), company.registrationNumber());
        if (open.isPresent()) {
            if (!open.get().representativeUserId.equals(representative)) {
                throw ProblemException.conflict(
                        "kyb-case-exists", "This company already has a business case in this project.");
            }
            return open.get();
        }
        BusinessCase businessCase = BusinessCase.open(orgId, projectId, representative, provider, company);
        try {
            cases.persistAndFlush(businessCase);
            for (int i = 0; i < application.owners().size(); i++) {
                owners.persist(BusinessOwner.of(
                        businessCase, i + 1, application.owners().get(i)));
            }
            owners.flush();
        } catch (PersistenceException e) {
            // A concurrent application for the same company won the unique index.
            throw new ProblemException(
                    409, "kyb-start-in-progress", "The business case is being opened", "Retry in a moment.");
        }
        return businessCase;
    }

    /**
     * Opens each owner's KYC case that is not opened yet: a KYC case of user {@code business-owner:<owner id>}, with
     * the owner's data from this (or the retried) application at the owner's position.
     */
    private void openOwners(BusinessCase businessCase, BusinessApplication application) {
        List<BusinessOwner> pending = QuarkusTransaction.requiringNew()
                .call(() -> owners.ofCase(businessCase.id).stream()
                        .filter(owner -> owner.kycCaseId == null)
                        .toList());
        for (BusinessOwner owner : pending) {
            if (owner.position > application.owners().size()) {
                continue;
            }
            BusinessApplication.Owner given = application.owners().get(owner.position - 1);
            KycCaseService.Started started = kycCases.start(new KycCaseService.StartRequest(
                    businessCase.orgId,
                    Optional.ofNullable(businessCase.projectId),
                    owner.userId(),
                    OWNER_DOCUMENT_TYPE,
                    given.applicant()));
            QuarkusTransaction.requiringNew().run(() -> owners.findById(owner.id).kycCaseId = started.kycCase().id);
        }
    }

    /** Creates the KYB inquiry once (or resumes it), returning the representative's session for the flow. */
    private Optional<String> openBusiness(
            BusinessCase businessCase,
            KycProvider provider,
            ProviderCredentials credentials,
            BusinessApplication application) {
        try {
            if (businessCase.providerReference == null) {
                ProviderInquiry inquiry = alerts.watching(
                        businessCase.orgId,
                        provider.name(),
                        "create-inquiry",
                        () -> provider.openBusiness(
                                credentials,
                                businessCase.id.toString(),
                                "kyb-case-" + businessCase.id,
                                application.company().data()));
                QuarkusTransaction.requiringNew().run(() -> {
                    // Read under the lock: the inquiry's webhook may have attached it meanwhile.
                    BusinessCase locked =
                            cases.lockInOrg(businessCase.orgId, businessCase.id).orElseThrow();
                    transitions.attachInquiry(locked, inquiry.reference(), inquiry.providerStatus());
                });
                return inquiry.sessionToken();
            }
            if (businessCase.verification() != KycStatus.PENDING) {
                return Optional.empty();
            }
            return alerts.watching(
                            businessCase.orgId,
                            provider.name(),
                            "resume-inquiry",
                            () -> provider.resume(credentials, businessCase.providerReference))
                    .sessionToken();
        } catch (KycProviderException e) {
            if (e.kind() == KycProviderException.Kind.REJECTED && e.status() == 409) {
                // Finished at the provider while its webhook is on the way: nothing to resume.
                return Optional.empty();
            }
            throw ProviderProblems.of(e);
        }
    }

    private List<ShownOwner> shownOwners(BusinessCase businessCase) {
        return owners.states(businessCase).stream()
                .map(state -> shown(state, Optional.empty()))
                .toList();
    }

    private static ShownOwner shown(BusinessOwnerRepository.OwnerState state, Optional<String> link) {
        return new ShownOwner(state.owner(), state.kycCaseId(), state.status(), link);
    }

    /** The owner's own provider (their KYC case's) makes the link. */
    private String verificationLink(String orgId, BusinessOwnerRepository.OwnerState state) {
        KycProvider provider = providers.named(state.provider());
        ProviderCredentials credentials = providers.credentials(state.provider(), orgId);
        try {
            return alerts.watching(
                    orgId,
                    provider.name(),
                    "resume-inquiry",
                    () -> provider.verificationLink(credentials, state.reference()));
        } catch (KycProviderException e) {
            throw ProviderProblems.of(e);
        }
    }
}
