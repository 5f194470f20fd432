package dev.attest.compliance.service;

import dev.attest.common.outbox.Outbox;
import dev.attest.compliance.CaseHistoryEntry;
import dev.attest.compliance.KycCase;
import dev.attest.compliance.KycStatus;
import dev.attest.compliance.messaging.KycEvents;
import dev.attest.compliance.repository.CaseHistoryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The one way a case's status changes: the change, its audit entry and its {@code status-changed} event
 * are written in the caller's transaction, so none exists without the others.
 */
@ApplicationScoped
public class CaseTransitions {
    private final CaseHistoryRepository history;
    private final Outbox outbox;

    CaseTransitions(CaseHistoryRepository history, Outbox outbox) {
        this.history = history;
        this.outbox = outbox;
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
        String reason = next == KycStatus.PENDING ? null : kycCase.provider + "." + providerStatus;
        return apply(kycCase, next, providerStatus, at, KycCase.PROVIDER_ACTOR, reason, providerEventId);
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
        });
        return transition;
    }
}
