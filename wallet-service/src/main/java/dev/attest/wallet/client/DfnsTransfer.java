package dev.attest.wallet.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of a Dfns transfer request this service uses.
 *
 * @param status Dfns's status: Pending, Executing, Broadcasted, Confirmed, Failed or Rejected
 * @param policyPending whether Dfns answered 202: the transfer waits for a policy approval
 */
public record DfnsTransfer(
        String id,
        String walletId,
        String status,
        String txHash,
        String reason,
        String externalId,
        boolean policyPending) {
    static DfnsTransfer from(JsonNode json, boolean policyPending) {
        return new DfnsTransfer(
                json.path("id").asText(),
                json.path("walletId").asText(),
                json.path("status").asText(),
                json.path("txHash").asText(null),
                json.path("reason").asText(null),
                json.path("externalId").asText(null),
                policyPending);
    }
}
