package dev.attest.wallet.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The fields of a Dfns transfer request this service uses.
 *
 * @param status Dfns's status: Pending, Executing, Broadcasted, Confirmed, Failed or Rejected
 * @param policyPending whether Dfns answered 202: the transfer waits for a policy approval
 * @param request what was asked (Dfns echoes the request body)
 * @param requestedAt Dfns's {@code dateRequested}, when it says
 * @param lastChangedAt the latest of Dfns's dates (requested, policy resolved, broadcasted, confirmed)
 */
public record DfnsTransfer(
        String id,
        String walletId,
        String status,
        String txHash,
        String reason,
        String externalId,
        boolean policyPending,
        Request request,
        Optional<Instant> requestedAt,
        Optional<Instant> lastChangedAt) {

    /**
     * The request body Dfns echoes.
     *
     * @param kind Dfns's kind: {@code Native}, {@code Erc20}, ...
     * @param amount integer string in the smallest unit; null for kinds without one (an NFT)
     * @param contract the token's contract; null for {@code Native}
     */
    public record Request(String kind, String to, String amount, String contract) {}

    /**
     * The Attest transfer this is, by the external id Attest gives every transfer it sends; empty for one
     * made at Dfns outside Attest.
     */
    public Optional<UUID> ownId() {
        if (externalId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(externalId));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    static DfnsTransfer from(JsonNode json, boolean policyPending) {
        JsonNode body = json.path("requestBody");
        return new DfnsTransfer(
                json.path("id").asText(),
                json.path("walletId").asText(),
                json.path("status").asText(),
                json.path("txHash").asText(null),
                json.path("reason").asText(null),
                json.path("externalId").asText(null),
                policyPending,
                new Request(
                        body.path("kind").asText(null),
                        body.path("to").asText(null),
                        body.path("amount").asText(null),
                        body.path("contract").asText(null)),
                date(json, "dateRequested"),
                Stream.of("dateRequested", "datePolicyResolved", "dateBroadcasted", "dateConfirmed")
                        .map(field -> date(json, field))
                        .flatMap(Optional::stream)
                        .max(Instant::compareTo));
    }

    // A date Dfns does not send, or sends in another form, is left out rather than failing the whole answer.
    private static Optional<Instant> date(JsonNode json, String field) {
        String text = json.path(field).asText(null);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
