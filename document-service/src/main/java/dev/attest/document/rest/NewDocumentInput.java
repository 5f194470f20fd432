package dev.attest.document.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A document about to be uploaded: what it answers, its plaintext type, the ciphertext's size and SHA-256 (checked
 * when the last byte arrives), and its data key wrapped for each party (the user and the org's reviewers).
 */
public record NewDocumentInput(
        @NotBlank @Size(max = 63) String requirement,
        @NotBlank @Size(max = 100) String contentType,
        @Min(1) long size,
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9_-]{43}$") String ciphertextSha256,
        @NotNull @NotEmpty @Size(max = 50) List<@Valid @NotNull GrantInput> grants) {}
