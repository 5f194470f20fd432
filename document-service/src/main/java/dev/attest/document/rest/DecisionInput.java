package dev.attest.document.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** A reviewer's decision and the documents it was based on. */
public record DecisionInput(
        @NotNull @Pattern(regexp = "^(approved|rejected)$") String decision,
        @NotNull @NotEmpty @Size(max = 50) List<@NotNull UUID> documentIds) {}
