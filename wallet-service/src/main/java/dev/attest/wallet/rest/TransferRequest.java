package dev.attest.wallet.rest;

/**
 * A transfer out of the caller's wallet.
 *
 * @param kind {@code native} or {@code erc20}
 * @param to the recipient's address on the wallet's network
 * @param amount in the asset's smallest unit, a positive integer string
 * @param contract the token contract, for {@code erc20} only
 * @param sponsored from the user's smart account, its gas paid by the project's paymaster (default false)
 */
public record TransferRequest(String kind, String to, String amount, String contract, Boolean sponsored) {
    public TransferRequest(String kind, String to, String amount, String contract) {
        this(kind, to, amount, contract, null);
    }
}
