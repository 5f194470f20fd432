package dev.attest.sandbox.persona;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An inquiry as the sandbox holds it. Mutated only under the lock of {@link PersonaSandbox}. */
final class Inquiry {
    final String id;
    final String apiKey;
    final String templateId;
    final String referenceId;
    final String note;
    final Map<String, Object> fields;
    final Instant createdAt;
    String status = "created";
    Instant startedAt;
    Instant completedAt;
    Instant failedAt;
    Instant decisionedAt;
    Instant expiredAt;
    Instant redactedAt;
    String sessionToken;
    /** Its checks, in the order the person went through them. */
    final List<Verification> verifications = new ArrayList<>();

    Inquiry(
            String id,
            String apiKey,
            String templateId,
            String referenceId,
            String note,
            Map<String, Object> fields,
            Instant createdAt) {
        this.id = id;
        this.apiKey = apiKey;
        this.templateId = templateId;
        this.referenceId = referenceId;
        this.note = note;
        this.fields = fields;
        this.createdAt = createdAt;
    }

    boolean isRedacted() {
        return redactedAt != null;
    }
}
