package dev.attest.identity.messaging;

/** The fields of {@code attest.kyc.status-changed.v1} identity-service reads. */
public record KycStatusChanged(String caseId, String userId, String status) {}
