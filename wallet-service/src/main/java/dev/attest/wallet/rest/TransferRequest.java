package dev.attest.wallet.rest;

/**
 * A transfer out of the caller's wallet.
 *
 * @param kind {@code native} or {@code erc20}
 * @param to the recipient's address on the wallet's network
 * @param amount in the asset's smallest unit, a positive integer string
 * @param contract the token contract, for {@code erc20} only
 */
public record TransferRequest(String kind, String to, String amount, String contract) {}
