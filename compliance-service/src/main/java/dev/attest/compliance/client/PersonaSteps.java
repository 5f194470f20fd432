package dev.attest.compliance.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.compliance.StepStatus;
import dev.attest.compliance.provider.ProviderStep;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The verification steps a Persona document shows (an event's payload, or an inquiry as the API answers it): the
 * inquiry itself, and each verification ({@code verification/government-id}, {@code verification/selfie}, …) as
 * its own step. Only the type, id, status and times are read: a verification's other attributes are personal data.
 *
 * <p>Each step is stamped with the resource's own time of its latest change, never the time of the event that
 * carried it: an {@code inquiry.approved} that includes a verification passed earlier reports that verification
 * at the time it passed, so any route to the same state agrees on its time.
 */
public final class PersonaSteps {
    /** The step kind of the inquiry as a whole. */
    public static final String INQUIRY = "inquiry";

    /** The inquiry attributes a status change stamps (docs.withpersona.com, Inquiry object). */
    static final List<String> INQUIRY_TIMES = List.of(
            "created-at",
            "started-at",
            "completed-at",
            "failed-at",
            "marked-for-review-at",
            "decisioned-at",
            "expired-at",
            "redacted-at",
            "updated-at");

    /** The verification attributes a status change stamps (docs.withpersona.com, Verification lifecycle). */
    private static final List<String> VERIFICATION_TIMES = List.of("created-at", "submitted-at", "completed-at");

    private static final String VERIFICATION_TYPE = "verification/";
    /** What a kind, an id and a status may be: Persona's are far narrower, and anything else is not a step. */
    private static final Pattern KIND = Pattern.compile(ProviderStep.KIND_PATTERN);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,255}");
    private static final Pattern STATUS = Pattern.compile("[a-z0-9_-]{1,64}");

    private PersonaSteps() {}

    /** The inquiry {@code data} as a step, and each verification among {@code included}. */
    public static List<ProviderStep> ofInquiry(JsonNode data, JsonNode included, OffsetDateTime fallbackAt) {
        List<ProviderStep> steps = new ArrayList<>();
        JsonNode attributes = data.path("attributes");
        step(
                        INQUIRY,
                        data.path("id").asText(null),
                        attributes.path("status").asText(null),
                        inquiryStatus(attributes.path("status").asText("")),
                        latest(attributes, INQUIRY_TIMES).orElse(fallbackAt))
                .ifPresent(steps::add);
        for (JsonNode resource : included) {
            ofVerification(resource, fallbackAt).ifPresent(steps::add);
        }
        return steps;
    }

    /** A verification resource as a step; empty for any other resource. */
    public static Optional<ProviderStep> ofVerification(JsonNode resource, OffsetDateTime fallbackAt) {
        String type = resource.path("type").asText("");
        if (!type.startsWith(VERIFICATION_TYPE)) {
            return Optional.empty();
        }
        JsonNode attributes = resource.path("attributes");
        String status = attributes.path("status").asText(null);
        return step(
                type.substring(VERIFICATION_TYPE.length()),
                resource.path("id").asText(null),
                status,
                verificationStatus(status == null ? "" : status),
                latest(attributes, VERIFICATION_TIMES).orElse(fallbackAt));
    }

    /** The inquiry a verification belongs to ({@code relationships.inquiry}), when it says. */
    public static Optional<String> inquiryOf(JsonNode resource) {
        String id = resource.path("relationships")
                .path("inquiry")
                .path("data")
                .path("id")
                .asText("");
        return ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    /**
     * A verification's status: initiated and confirmed (a code entered, nothing submitted) are pending; canceled
     * ends the step unpassed; skipped and anything unknown say nothing done, so pending.
     */
    static StepStatus verificationStatus(String status) {
        return switch (status) {
            case "submitted" -> StepStatus.SUBMITTED;
            case "passed" -> StepStatus.PASSED;
            case "failed", "canceled" -> StepStatus.FAILED;
            case "requires_retry" -> StepStatus.REQUIRES_RETRY;
            default -> StepStatus.PENDING;
        };
    }

    /**
     * The inquiry's status as a step: completed (every required check passed) and approved pass, needs_review
     * waits on a reviewer, expired waits on the person resuming it.
     */
    static StepStatus inquiryStatus(String status) {
        return switch (status) {
            case "completed", "approved" -> StepStatus.PASSED;
            case "needs_review" -> StepStatus.SUBMITTED;
            case "failed", "declined" -> StepStatus.FAILED;
            case "expired" -> StepStatus.REQUIRES_RETRY;
            default -> StepStatus.PENDING;
        };
    }

    /** The latest of the given timestamps of a resource; one this client cannot read tells nothing. */
    static Optional<OffsetDateTime> latest(JsonNode attributes, List<String> fields) {
        OffsetDateTime latest = null;
        for (String field : fields) {
            JsonNode value = attributes.path(field);
            if (!value.isTextual()) {
                continue;
            }
            try {
                OffsetDateTime at = OffsetDateTime.parse(value.asText());
                latest = latest == null || at.isAfter(latest) ? at : latest;
            } catch (DateTimeParseException e) {
                // The others still tell.
            }
        }
        return Optional.ofNullable(latest);
    }

    private static Optional<ProviderStep> step(
            String kind, String id, String providerStatus, StepStatus status, OffsetDateTime at) {
        if (id == null
                || providerStatus == null
                || at == null
                || !KIND.matcher(kind).matches()
                || !ID.matcher(id).matches()
                || !STATUS.matcher(providerStatus).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ProviderStep(kind, id, providerStatus, status, at));
    }
}
