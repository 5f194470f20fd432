package dev.attest.wallet.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.common.problem.ProblemException;
import java.io.IOException;
import java.util.Optional;

/**
 * A delivered Dfns webhook event: {@code {id, kind, date, data, timestampSent, deliveryAttempt, retryOf?}};
 * for {@code wallet.transfer.*} kinds, {@code data.transferRequest} is the transfer.
 */
public record DfnsWebhookEvent(String id, String kind, long timestampSent, Optional<DfnsTransfer> transfer) {

    public static DfnsWebhookEvent parse(byte[] body) {
        JsonNode json;
        try {
            json = DfnsClient.JSON.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed-body", "The webhook body is not JSON.");
        }
        if (json == null || !json.isObject()) {
            throw ProblemException.badRequest("malformed-body", "The webhook body is not a JSON object.");
        }
        String kind = json.path("kind").asText("");
        JsonNode transfer = json.path("data").path("transferRequest");
        return new DfnsWebhookEvent(
                json.path("id").asText(),
                kind,
                json.path("timestampSent").asLong(0),
                kind.startsWith("wallet.transfer.") && transfer.isObject()
                        ? Optional.of(DfnsTransfer.from(transfer, false))
                        : Optional.empty());
    }
}
