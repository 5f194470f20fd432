package dev.attest.wallet.events;

/**
 * The fields of {@code attest.identity.claim-issued.v1} and {@code claim-revoked.v1} this service reads (a tolerant
 * reader: the rest is ignored).
 */
public record ClaimChanged(String userId, Integer topic, Long blockNumber) {}
