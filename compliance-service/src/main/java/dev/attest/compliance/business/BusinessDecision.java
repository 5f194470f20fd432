package dev.attest.compliance.business;

import dev.attest.compliance.KycStatus;
import java.util.List;
import java.util.Optional;

/**
 * The KYB rule: a business is verified only when its own verification and every owner's KYC case are verified;
 * rejected as soon as either is rejected; in review while its verification awaits a reviewer and no owner is
 * rejected; pending otherwise. A later rejection of anything (a downgrade) makes a verified business rejected.
 */
public final class BusinessDecision {
    public static final String BUSINESS_REJECTED = "kyb.business-rejected";
    public static final String OWNER_REJECTED = "kyb.owner-rejected";

    private BusinessDecision() {}

    /** The status and, for a rejection, its reason code. */
    public record Outcome(KycStatus status, Optional<String> reason) {}

    public static Outcome of(KycStatus business, List<KycStatus> owners) {
        if (business == KycStatus.REJECTED) {
            return new Outcome(KycStatus.REJECTED, Optional.of(BUSINESS_REJECTED));
        }
        if (owners.contains(KycStatus.REJECTED)) {
            return new Outcome(KycStatus.REJECTED, Optional.of(OWNER_REJECTED));
        }
        if (business == KycStatus.REVIEW) {
            return new Outcome(KycStatus.REVIEW, Optional.empty());
        }
        boolean everyOwnerVerified = !owners.isEmpty() && owners.stream().allMatch(KycStatus.VERIFIED::equals);
        if (business == KycStatus.VERIFIED && everyOwnerVerified) {
            return new Outcome(KycStatus.VERIFIED, Optional.empty());
        }
        return new Outcome(KycStatus.PENDING, Optional.empty());
    }
}
