package dev.attest.identity.messaging;

/** The fields of {@code attest.wallet.provisioned.v1} identity-service reads. */
public record WalletProvisioned(
        String walletId, String userId, String network, String address, String kycCaseId, String kycLevel) {}
