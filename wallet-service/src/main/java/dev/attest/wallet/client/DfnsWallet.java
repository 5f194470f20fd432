package dev.attest.wallet.client;

import com.fasterxml.jackson.databind.JsonNode;

/** The fields of a Dfns wallet this service uses. */
public record DfnsWallet(String id, String network, String address, String status, String externalId) {
    static DfnsWallet from(JsonNode json) {
        return new DfnsWallet(
                json.path("id").asText(),
                json.path("network").asText(),
                json.path("address").asText(null),
                json.path("status").asText(null),
                json.path("externalId").asText(null));
    }
}
