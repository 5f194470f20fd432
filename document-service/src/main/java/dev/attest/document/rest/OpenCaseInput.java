package dev.attest.document.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record OpenCaseInput(@NotBlank @Size(max = 100) String projectId) {}
