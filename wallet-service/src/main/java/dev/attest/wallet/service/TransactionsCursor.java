package dev.attest.wallet.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.common.problem.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a listing of the org's transfers, walked wallet by wallet through Dfns, goes on: the page of Dfns's
 * wallet listing (its {@code paginationToken}; empty for the first), the wallet in it (empty for its first),
 * and the page of that wallet's transfers (Dfns's {@code paginationToken}; empty for the first). Handed to the
 * caller as one opaque {@code page_token}: base64url of a small JSON object.
 */
record TransactionsCursor(Optional<String> walletsToken, Optional<String> walletId, Optional<String> transfersToken) {
    static final TransactionsCursor START =
            new TransactionsCursor(Optional.empty(), Optional.empty(), Optional.empty());

    /** Dfns's tokens are short; a longer page token is not one of ours. */
    private static final int MAX_LENGTH = 2048;

    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        ObjectNode json = JSON.createObjectNode();
        walletsToken.ifPresent(token -> json.put("w", token));
        walletId.ifPresent(id -> json.put("i", id));
        transfersToken.ifPresent(token -> json.put("t", token));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    static TransactionsCursor decode(String token) {
        if (token.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            JsonNode json = JSON.readTree(Base64.getUrlDecoder().decode(token));
            if (json == null || !json.isObject()) {
                throw invalid();
            }
            return new TransactionsCursor(text(json, "w"), text(json, "i"), text(json, "t"));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid();
        }
    }

    private static Optional<String> text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw invalid();
        }
        return Optional.of(value.asText());
    }

    static ProblemException invalid() {
        return ProblemException.badRequest("invalid-page-token", "page_token is not valid.");
    }
}
