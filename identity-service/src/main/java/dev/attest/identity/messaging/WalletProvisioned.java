package dev.attest.identity.messaging;

import dev.attest.identity.Identity;

/** The fields of {@code attest.wallet.provisioned.v1} identity-service reads. */
public record WalletProvisioned(
        String walletId,
        String userId,
        String network,
        String address,
        String kycCaseId,
        String kycLevel,
        String subject) {

    /** {@link Identity#BUSINESS} for a verified business's wallet; anything else (absent: older events) a user's. */
    public String subjectKind() {
        return Identity.BUSINESS.equals(subject) ? Identity.BUSINESS : Identity.USER;
    }
}
