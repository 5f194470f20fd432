package dev.attest.wallet.rest;

/**
 * A wallet of the organization's Dfns account, joined with the user it was provisioned for; a wallet
 * made outside Attest has no {@code wallet_id} or {@code user_id}.
 */
public record OrgWalletView(
        String providerWalletId,
        String network,
        String address,
        String providerStatus,
        String walletId,
        String userId) {}
