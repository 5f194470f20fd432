package dev.attest.compliance.service;

import java.time.OffsetDateTime;

/** The rule KYC and KYB claim references share: which recording changes nothing, which revocation applies. */
public final class ClaimReferences {
    private ClaimReferences() {}

    /** Whether a case holding {@code heldId}/{@code heldTxHash} already has these references (any case), unrevoked. */
    public static boolean held(
            String heldId, String heldTxHash, OffsetDateTime heldRevokedAt, String claimId, String txHash) {
        return claimId.equalsIgnoreCase(String.valueOf(heldId))
                && txHash.equalsIgnoreCase(String.valueOf(heldTxHash))
                && heldRevokedAt == null;
    }

    /** Whether {@code claimId} is the claim a case holding {@code heldId} holds and has not had revoked. */
    public static boolean revocable(String heldId, OffsetDateTime heldRevokedAt, String claimId) {
        return claimId.equalsIgnoreCase(String.valueOf(heldId)) && heldRevokedAt == null;
    }
}
