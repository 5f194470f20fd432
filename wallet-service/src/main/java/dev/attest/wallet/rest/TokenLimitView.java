package dev.attest.wallet.rest;

/**
 * The spending policy of one ERC-20 token as answered: amounts in the token's smallest unit as integer strings,
 * null for none; {@code contract} in lower case.
 */
public record TokenLimitView(
        String contract, int decimals, String perTransferLimit, String dailyLimit, String approvalThreshold) {}
