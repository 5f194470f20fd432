package dev.attest.identity.messaging;

/**
 * The fields of {@code attest.wallet.smart-account-ready.v1} identity-service reads: the user's (or business's)
 * ERC-4337 smart account {@code address}, owned by their custody wallet {@code ownerAddress}.
 */
public record SmartAccountReady(
        String walletId,
        String userId,
        String subject,
        String address,
        String ownerAddress,
        String entryPoint,
        String accountFactory) {}
