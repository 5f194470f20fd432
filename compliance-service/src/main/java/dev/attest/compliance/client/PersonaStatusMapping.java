package dev.attest.compliance.client;

import dev.attest.compliance.KycStatus;
import java.util.Map;
import java.util.Optional;

/** What Persona's inquiry statuses and events mean for Attest. */
public final class PersonaStatusMapping {
    /** The inquiry status each inquiry event announces, for payloads that carry no status. */
    private static final Map<String, String> STATUS_OF_EVENT = Map.of(
            "inquiry.created", "created",
            "inquiry.started", "pending",
            "inquiry.completed", "completed",
            "inquiry.failed", "failed",
            "inquiry.expired", "expired",
            "inquiry.marked-for-review", "needs_review",
            "inquiry.approved", "approved",
            "inquiry.declined", "declined");

    private PersonaStatusMapping() {}

    /** completed and approved → verified; failed and declined → rejected; needs_review → review; others → pending. */
    public static KycStatus toKycStatus(String personaStatus) {
        if (personaStatus == null) {
            return KycStatus.PENDING;
        }
        return switch (personaStatus) {
            case "completed", "approved" -> KycStatus.VERIFIED;
            case "failed", "declined" -> KycStatus.REJECTED;
            case "needs_review" -> KycStatus.REVIEW;
            default -> KycStatus.PENDING;
        };
    }

    /** The inquiry status an event stands for: the payload's own, else the one its name announces. */
    public static Optional<String> inquiryStatus(String eventName, String payloadStatus) {
        if (payloadStatus != null && !payloadStatus.isBlank()) {
            return Optional.of(payloadStatus);
        }
        return Optional.ofNullable(STATUS_OF_EVENT.get(eventName));
    }
}
