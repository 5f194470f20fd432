package dev.attest.document.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A document's data key wrapped (RSA-OAEP-256, in the browser) under one party's registered public key. */
public record GrantInput(
        @NotBlank @Size(max = 255) String subject,
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9_-]{43}$") String keyId,
        @NotBlank @Size(max = 1024) @Pattern(regexp = "^[A-Za-z0-9_-]+$") String wrappedKey) {}
