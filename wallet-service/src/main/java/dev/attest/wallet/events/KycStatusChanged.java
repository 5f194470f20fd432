package dev.attest.wallet.events;

/** The fields of {@code attest.kyc.status-changed.v1} this service reads (a tolerant reader: the rest is ignored). */
public record KycStatusChanged(String caseId, String userId, String projectId, String status, String level) {}
