package dev.attest.compliance.business;

import dev.attest.common.outbox.Outbox;
import dev.attest.compliance.KycStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way a business case changes: its verification attached or moved, its owners' cases moving; each time its
 * status is recomputed ({@link BusinessDecision}) and a real change is announced once, in the caller's transaction.
 */
@ApplicationScoped
public class BusinessTransitions {
    static final String PROVIDER_ACTOR = "provider";

    private final BusinessCaseRepository cases;
    private final BusinessOwnerRepository owners;
    private final Outbox outbox;

    BusinessTransitions(BusinessCaseRepository cases, BusinessOwnerRepository owners, Outbox outbox) {
        this.cases = cases;
        this.owners = owners;
        this.outbox = outbox;
    }

    /**
     * Records the provider's business verification as the (locked) case's, once: from the create call's answer or,
     * when its webhook comes first, from that webhook; the case is announced opened with its owners' cases.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean attachInquiry(BusinessCase businessCase, String reference, String providerStatus) {
        if (businessCase.providerReference != null) {
            return false;
        }
        businessCase.providerReference = reference;
        if (businessCase.providerStatus == null) {
            businessCase.providerStatus = providerStatus;
        }
        businessCase.updatedAt = OffsetDateTime.now();
        outbox.publish(BusinessEvents.opened(
                businessCase,
                owners.states(businessCase).stream()
                        .flatMap(state -> state.kycCaseId().stream())
                        .map(UUID::toString)
                        .toList()));
        return true;
    }

    /**
     * Applies what the business verification showed at {@code at} (a webhook, or a reviewer's decision stamped with
     * its time), if newer than what the case shows; then recomputes the case.
     *
     * @param reason a reviewer's reason code, used when the case's status changes with it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fromVerification(
            BusinessCase businessCase,
            KycStatus next,
            String providerStatus,
            OffsetDateTime at,
            String actor,
            Optional<String> reason) {
        if (!businessCase.isNewer(at)) {
            return;
        }
        businessCase.providerStatus = providerStatus;
        businessCase.providerEventAt = at;
        businessCase.verificationStatus = next.wire();
        businessCase.updatedAt = OffsetDateTime.now();
        recompute(businessCase, actor, reason);
    }

    /** An owner's KYC case moved: their business case (locked) is recomputed in the same transaction. */
    void onOwnerCase(@Observes CaseStatusChanged change) {
        String userId = change.kycCase().userId;
        if (userId == null || !userId.startsWith(BusinessOwner.USER_PREFIX)) {
            return;
        }
        UUID ownerId;
        try {
            ownerId = UUID.fromString(userId.substring(BusinessOwner.USER_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return;
        }
        owners.findByIdOptional(ownerId)
                .filter(owner -> owner.orgId.equals(change.kycCase().orgId))
                .flatMap(owner -> cases.lockInOrg(owner.orgId, owner.businessCaseId))
                .ifPresent(businessCase ->
                        recompute(businessCase, change.transition().actor(), Optional.empty()));
    }

    private void recompute(BusinessCase businessCase, String actor, Optional<String> reviewerReason) {
        BusinessDecision.Outcome outcome = BusinessDecision.of(
                businessCase.verification(),
                owners.states(businessCase).stream()
                        .map(BusinessOwnerRepository.OwnerState::status)
                        .toList());
        KycStatus previous = businessCase.kybStatus();
        if (outcome.status() == previous) {
            return;
        }
        businessCase.status = outcome.status().wire();
        boolean decided = outcome.status() == KycStatus.VERIFIED || outcome.status() == KycStatus.REJECTED;
        // A reviewer's reason explains the decision it brought about; otherwise the rule's code.
        businessCase.reason = decided ? reviewerReason.or(outcome::reason).orElse(null) : null;
        if (decided) {
            businessCase.decidedBy = actor;
            businessCase.decidedAt = OffsetDateTime.now();
        }
        businessCase.updatedAt = OffsetDateTime.now();
        outbox.publish(BusinessEvents.statusChanged(businessCase, previous.wire(), actor));
    }
}
