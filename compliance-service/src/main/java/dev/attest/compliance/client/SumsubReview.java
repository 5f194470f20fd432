package dev.attest.compliance.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.compliance.KycStatus;
import dev.attest.compliance.StepStatus;
import dev.attest.compliance.provider.ProviderStep;
import dev.attest.compliance.provider.ReasonCodes;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Sumsub review ({@code reviewStatus} and {@code reviewResult}, as an applicant's {@code review}, its {@code /status}
 * and its webhooks show it), normalized.
 *
 * <p>The provider status is one compact word of Sumsub's: {@code init}, {@code pending}, {@code queued},
 * {@code prechecked}, {@code onhold}, or once completed its answer {@code green}, {@code red.retry}, {@code red.final}.
 * So the case's reason ({@code sumsub.<provider status>}, see CaseTransitions) is the same whether a webhook or a
 * retrieval brought the result.
 *
 * @param providerStatus the compact status
 * @param status what it means for Attest
 * @param reasons {@code rejectLabels} as reason codes {@code sumsub.<label>} (lower case, only {@code [a-z0-9_.-]})
 * @param retryable RED/RETRY: the person must submit again, the case stays {@code pending}
 */
public record SumsubReview(String providerStatus, KycStatus status, List<String> reasons, boolean retryable) {
    /** The reason code of a RED/RETRY: the case stays pending, and says why. */
    public static final String RETRY_REASON = "sumsub.red.retry";

    /** Sumsub's document sets ({@code requiredIdDocsStatus} keys) as step kinds. */
    private static final Map<String, String> KINDS = Map.of(
            "IDENTITY", "government-id",
            "SELFIE", "selfie",
            "PROOF_OF_RESIDENCE", "document",
            "PHONE_VERIFICATION", "phone",
            "EMAIL_VERIFICATION", "email",
            "QUESTIONNAIRE", "questionnaire",
            "COMPANY", "business");

    /**
     * Sumsub's times: {@code 2026-12-07 11:20:00}, with milliseconds in webhooks' {@code createdAtMs}, sometimes
     * with an offset ({@code +0000}); UTC when it has none.
     */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    /** The review of {@code reviewStatus} and {@code reviewResult} (which may be missing). */
    public static SumsubReview of(String reviewStatus, JsonNode reviewResult) {
        String answer =
                reviewResult == null ? "" : reviewResult.path("reviewAnswer").asText("");
        if ("completed".equals(reviewStatus) || !answer.isEmpty()) {
            if ("GREEN".equals(answer)) {
                return new SumsubReview("green", KycStatus.VERIFIED, List.of(), false);
            }
            if ("RED".equals(answer)) {
                List<String> reasons = labels(reviewResult.path("rejectLabels"));
                // A RED without a reject type is taken as final: nothing says the person may try again.
                if ("RETRY".equals(reviewResult.path("reviewRejectType").asText())) {
                    return new SumsubReview("red.retry", KycStatus.PENDING, reasons, true);
                }
                return new SumsubReview("red.final", KycStatus.REJECTED, reasons, false);
            }
            // Completed without an answer Sumsub documents: still waiting, as far as Attest can tell.
            return new SumsubReview("completed", KycStatus.PENDING, List.of(), false);
        }
        String status = reviewStatus == null || reviewStatus.isBlank() ? "init" : reviewStatus;
        return switch (status) {
            case "onHold" -> new SumsubReview("onhold", KycStatus.REVIEW, List.of(), false);
            case "init", "pending", "queued", "prechecked", "awaitingService", "awaitingUser" -> new SumsubReview(
                    status.toLowerCase(Locale.ROOT), KycStatus.PENDING, List.of(), false);
            default -> new SumsubReview("unknown", KycStatus.PENDING, List.of(), false);
        };
    }

    /** The review again from its stored provider status (a stored webhook keeps only that). */
    public static SumsubReview ofProviderStatus(String providerStatus) {
        return switch (providerStatus == null ? "" : providerStatus) {
            case "green" -> new SumsubReview("green", KycStatus.VERIFIED, List.of(), false);
            case "red.final" -> new SumsubReview("red.final", KycStatus.REJECTED, List.of(), false);
            case "red.retry" -> new SumsubReview("red.retry", KycStatus.PENDING, List.of(), true);
            case "onhold" -> new SumsubReview("onhold", KycStatus.REVIEW, List.of(), false);
            default -> new SumsubReview(providerStatus, KycStatus.PENDING, List.of(), false);
        };
    }

    /** The reason the case shows for this review, when it shows one ({@code null} while waiting). */
    public String reason() {
        return ReasonCodes.ofProviderResult(SumsubKycProvider.NAME, status, providerStatus, retryable);
    }

    /** The applicant's review as a step of kind {@code inquiry}. */
    public ProviderStep asStep(String applicantId, OffsetDateTime at) {
        StepStatus step =
                switch (providerStatus) {
                    case "green" -> StepStatus.PASSED;
                    case "red.final" -> StepStatus.FAILED;
                    case "red.retry" -> StepStatus.REQUIRES_RETRY;
                    case "init", "unknown", "awaitinguser" -> StepStatus.PENDING;
                    default -> StepStatus.SUBMITTED;
                };
        return new ProviderStep("inquiry", applicantId, providerStatus, step, at);
    }

    /**
     * The document sets of {@code requiredIdDocsStatus} as steps ({@code <applicant id>:<set>}): null while nothing is
     * uploaded (pending), uploaded without a result (submitted), then their own {@code reviewResult}.
     */
    public static List<ProviderStep> docSteps(String applicantId, JsonNode requiredIdDocsStatus, OffsetDateTime at) {
        List<ProviderStep> steps = new ArrayList<>();
        requiredIdDocsStatus.fields().forEachRemaining(entry -> {
            String set = entry.getKey();
            if (!set.matches("[A-Z0-9_]{1,50}")) {
                return;
            }
            String kind = KINDS.getOrDefault(set, set.toLowerCase(Locale.ROOT).replace('_', '-'));
            JsonNode result = entry.getValue().path("reviewResult");
            String answer = result.path("reviewAnswer").asText("");
            String rejectType = result.path("reviewRejectType").asText("");
            StepStatus status;
            String providerStatus;
            if ("GREEN".equals(answer)) {
                status = StepStatus.PASSED;
                providerStatus = "green";
            } else if ("RED".equals(answer)) {
                boolean retry = "RETRY".equals(rejectType);
                status = retry ? StepStatus.REQUIRES_RETRY : StepStatus.FAILED;
                providerStatus = retry ? "red.retry" : "red.final";
            } else if (entry.getValue().isObject()) {
                // Documents uploaded, no result yet.
                status = StepStatus.SUBMITTED;
                providerStatus = "submitted";
            } else {
                status = StepStatus.PENDING;
                providerStatus = "not-submitted";
            }
            steps.add(new ProviderStep(kind, applicantId + ":" + set, providerStatus, status, at));
        });
        return steps;
    }

    /** A Sumsub time as an instant in UTC; empty when it is missing or not one. */
    public static Optional<OffsetDateTime> time(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        try {
            var parsed = TIME.parseBest(value.asText(), OffsetDateTime::from, LocalDateTime::from);
            return Optional.of(
                    parsed instanceof OffsetDateTime offset
                            ? offset.withOffsetSameInstant(ZoneOffset.UTC)
                            : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<String> labels(JsonNode labels) {
        List<String> codes = new ArrayList<>();
        for (JsonNode label : labels) {
            String code = label.asText("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
            if (!code.isEmpty()) {
                String reason = "sumsub." + code;
                codes.add(reason.length() > 64 ? reason.substring(0, 64) : reason);
            }
        }
        return List.copyOf(codes);
    }
}
