package dev.attest.wallet.rest;

/**
 * The result of proving an organization's Dfns settings without creating anything.
 *
 * @param token {@code ok} or {@code failed}: a wallet listing was answered
 * @param signingKey {@code ok}, {@code failed}, or {@code skipped} when the token already failed
 * @param detail what failed, as Dfns said it
 */
public record CredentialCheckView(boolean ok, String token, String signingKey, String detail) {}
