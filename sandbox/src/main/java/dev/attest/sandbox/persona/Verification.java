package dev.attest.sandbox.persona;

import java.time.Instant;

/**
 * One check of an inquiry (Persona's verification object, {@code verification/<kind>}): initiated when the person
 * reaches it, submitted with their capture, then passed or failed. Mutated only under the lock of {@link
 * PersonaSandbox}.
 */
final class Verification {
    /** The checks the sandbox's flow runs, in the order the person meets them. */
    static final String GOVERNMENT_ID = "government-id";

    static final String SELFIE = "selfie";

    final String id;
    final String kind;
    String status = "initiated";
    final Instant createdAt;
    Instant submittedAt;
    Instant completedAt;

    Verification(String id, String kind, Instant createdAt) {
        this.id = id;
        this.kind = kind;
        this.createdAt = createdAt;
    }

    String type() {
        return "verification/" + kind;
    }
}
