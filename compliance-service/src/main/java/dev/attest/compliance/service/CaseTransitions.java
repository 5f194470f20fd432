package dev.attest.compliance.service;

import dev.attest.common.outbox.Outbox;
import dev.attest.compliance.CaseHistoryEntry;
import dev.attest.compliance.KycCase;
import dev.attest.compliance.KycStatus;
import dev.attest.compliance.business.CaseStatusChanged;
import dev.attest.compliance.events.KycEvents;
import dev.attest.compliance.provider.ReasonCodes;
import dev.attest.compliance.repository.CaseHistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The one way a case changes: its inquiry attached, its status moved; the change, its audit entry and its event
 * are written in the caller's transaction, so none exists without the others.
 */
@ApplicationScoped
public class CaseTransitions {
    private final CaseHistoryRepository history;
    private final Outbox outbox;
    private final SealedApplicantData applicantData;
    private final Event<CaseStatusChanged> statusChanged;

    CaseTransitions(
            CaseHistoryRepository history,
            Outbox outbox,
            SealedApplicantData applicantData,
            Event<CaseStatusChanged> statusChanged) {
        this.history = history;
        this.outbox = outbox;
        this.applicantData = applicantData;
        this.statusChanged = statusChanged;
    }

    /**
     * Records the provider's inquiry as the (locked) case's, once: the answer to the create call or, when the
     * inquiry's webhook comes first, that webhook. The applicant data sealed for the create call is erased
     * either way (the provider holds it now), and the case is announced opened.
     *
     * @return whether the inquiry was attached now (false: the case already had one)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean attachInquiry(KycCase kycCase, String reference, String providerStatus) {
        applicantData.erase(kycCase);
        if (kycCase.providerReference != null) {
            return false;
        }
        kycCase.providerReference = reference;
        if (kycCase.providerStatus == null) {
            kycCase.providerStatus = providerStatus;
        }
        kycCase.updatedAt = OffsetDateTime.now();
        outbox.publish(KycEvents.caseOpened(kycCase));
        return true;
    }

    /**
     * Applies what the case's provider showed at {@code at} (a webhook, or a retrieval when webhooks were
     * lost): both ways take this one path, so they agree on the status, the reason code and the events.
     *
     * @return the transition, when the status changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<KycCase.Transition> fromProvider(
            KycCase kycCase, KycStatus next, String providerStatus, OffsetDateTime at, String providerEventId) {
        return fromProvider(kycCase, next, providerStatus, false, at, providerEventId);
    }

    /**
     * As {@link #fromProvider(KycCase, KycStatus, String, OffsetDateTime, String)}, for a result the person may retry
     * (Sumsub's RED/RETRY): the case stays pending and says why ({@code <provider>.<provider status>}); a later
     * pending result without it (a resubmission) clears the reason again, though the status does not change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<KycCase.Transition> fromProvider(
            KycCase kycCase,
            KycStatus next,
            String providerStatus,
            boolean retryable,
            OffsetDateTime at,
            String providerEventId) {
        String reason = ReasonCodes.ofProviderResult(kycCase.provider, next, providerStatus, retryable);
        boolean newer = kycCase.isNewer(at);
        Optional<KycCase.Transition> moved =
                apply(kycCase, next, providerStatus, at, KycCase.PROVIDER_ACTOR, reason, providerEventId);
        if (newer && moved.isEmpty() && next == KycStatus.PENDING && !Objects.equals(kycCase.reason, reason)) {
            kycCase.reason = reason;
        }
        return moved;
    }

    /**
     * Moves the (locked) case to what was observed at {@code at}, if that is newer than what it shows.
     *
     * @return the transition, when the status changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<KycCase.Transition> apply(
            KycCase kycCase,
            KycStatus next,
            String providerStatus,
            OffsetDateTime at,
            String actor,
            String reason,
            String providerEventId) {
        if (!kycCase.isNewer(at)) {
            return Optional.empty();
        }
        Optional<KycCase.Transition> transition = kycCase.moveTo(next, providerStatus, at, actor, reason);
        transition.ifPresent(change -> {
            history.persist(CaseHistoryEntry.of(kycCase, change, providerEventId));
            outbox.publish(KycEvents.statusChanged(kycCase, change));
            // Observers act in this transaction (a business case follows its owners' cases in the same commit).
            statusChanged.fire(new CaseStatusChanged(kycCase, change));
        });
        return transition;
    }
}
