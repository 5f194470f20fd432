package dev.attest.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data of the domain events tests publish in another service's place, as their JSON Schemas (attest-contracts)
 * state them: one place that writes them (the tenant events' is {@link TenantEventData}). Each answer is a new,
 * mutable map, so that a test can change a field or add an optional one.
 */
public final class EventData {
    private EventData() {}

    /** {@code attest.kyc.case-opened.v1}: a Persona inquiry; {@code projectId} may be null. */
    public static Map<String, Object> kycCaseOpened(String caseId, String userId, String projectId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("case_id", caseId);
        data.put("user_id", userId);
        if (projectId != null) {
            data.put("project_id", projectId);
        }
        data.put("provider", "persona");
        data.put("provider_reference", "inq_1");
        return data;
    }

    /**
     * {@code attest.kyc.status-changed.v1}: Persona decided, from {@code pending} (no consumer reads the previous
     * status), at level {@code basic}; {@code projectId} may be null.
     */
    public static Map<String, Object> kycStatusChanged(String caseId, String userId, String projectId, String status) {
        Map<String, Object> data = kycCaseOpened(caseId, userId, projectId); // the case's fields, and:
        data.put("status", status);
        data.put("previous_status", "pending");
        data.put("level", "basic");
        data.put("decided_by", "provider");
        return data;
    }

    /** {@code attest.wallet.provisioned.v1}: a Dfns wallet on Ethereum at {@code address}, for KYC level basic. */
    public static Map<String, Object> walletProvisioned(String walletId, String userId, String address, String caseId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("wallet_id", walletId);
        data.put("user_id", userId);
        data.put("network", "Ethereum");
        data.put("address", address);
        data.put("provider_wallet_id", "dfns-" + walletId);
        data.put("kyc_case_id", caseId);
        data.put("kyc_level", "basic");
        return data;
    }

    /** {@code attest.identity.claim-issued.v1}: topic 1, made by issuer {@code 0x22…22} for identity {@code 0x11…11}. */
    public static Map<String, Object> claimIssued(String userId, String caseId, String claimId, String txHash) {
        Map<String, Object> data = claim(userId, caseId, claimId, txHash);
        data.put("issuer_address", "0x" + "22".repeat(20));
        return data;
    }

    /** {@code attest.identity.claim-revoked.v1} of a claim {@link #claimIssued} describes. */
    public static Map<String, Object> claimRevoked(String userId, String caseId, String claimId, String txHash) {
        return claim(userId, caseId, claimId, txHash);
    }

    private static Map<String, Object> claim(String userId, String caseId, String claimId, String txHash) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", userId);
        data.put("kyc_case_id", caseId);
        data.put("identity_address", "0x" + "11".repeat(20));
        data.put("topic", 1);
        data.put("claim_id", claimId);
        data.put("tx_hash", txHash);
        data.put("block_number", 7);
        return data;
    }
}
