package dev.attest.compliance.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A reviewer's decision, the one body of the KYC and KYB queues' decision routes; the reason is a code (it travels in
 * events), never text about anyone.
 */
public record ReviewDecision(
        @NotNull @Pattern(regexp = "approve|decline") String decision,
        @NotNull @Pattern(regexp = "[a-z0-9_.-]{1,64}") String reason) {

    /** Whether the reviewer approves (else declines). */
    public boolean approves() {
        return "approve".equals(decision);
    }
}
