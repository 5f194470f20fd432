package dev.attest.document.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

public record RequirementsInput(@NotNull @Size(max = 20) List<@Valid @NotNull RequirementInput> requirements) {}
