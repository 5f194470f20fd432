package dev.attest.document.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A time-bound grant to an auditor: the data key wrapped (by a browser that could unwrap it) under the auditor's
 * key, until {@code expiresAt}, with optional on-chain conditions in Lit's format.
 */
public record AuditorGrantInput(
        @NotBlank @Size(max = 255) String subject,
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9_-]{43}$") String keyId,
        @NotBlank @Size(max = 1024) @Pattern(regexp = "^[A-Za-z0-9_-]+$") String wrappedKey,
        @NotNull Instant expiresAt,
        JsonNode onChainConditions) {}
