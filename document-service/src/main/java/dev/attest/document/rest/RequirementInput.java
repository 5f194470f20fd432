package dev.attest.document.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** One document a project requires: a kind (its stable name), a title shown to users, accepted types, a size limit. */
public record RequirementInput(
        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,62}$") String kind,
        @NotBlank @Size(max = 200) String title,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 100) String> acceptedTypes,
        @Min(1) @Max(1L << 40) long maxBytes) {}
