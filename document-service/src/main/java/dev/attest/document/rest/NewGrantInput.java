package dev.attest.document.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A document's data key wrapped again (by a browser that could unwrap it) under another party's registered key:
 * an auditor, until {@code expiresAt} and with optional on-chain conditions in Lit's format; or a reviewer who has no
 * grant under their current key (joined after the upload, or registered a new key), on conditions the service writes.
 */
public record NewGrantInput(
        @Schema(
                        description = "auditor (the default) or reviewer",
                        enumeration = {"auditor", "reviewer"})
                @Pattern(regexp = "auditor|reviewer")
                String party,
        @NotBlank @Size(max = 255) String subject,
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9_-]{43}$") String keyId,
        @NotBlank @Size(max = 1024) @Pattern(regexp = "^[A-Za-z0-9_-]+$") String wrappedKey,
        @Schema(description = "an auditor grant's expiry, at most 90 days ahead; none for a reviewer")
                Instant expiresAt,
        @Schema(
                        description =
                                "an auditor grant's on-chain conditions (Lit's evmBasic eth_getBalance or evmContract"
                                        + " view calls on chain \"attest\", joined by and/or); none for a reviewer")
                JsonNode onChainConditions) {

    public boolean forReviewer() {
        return "reviewer".equals(party);
    }
}
