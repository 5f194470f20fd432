package dev.attest.compliance.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.tenant.Tenants;
import dev.attest.common.tracing.WorkSpans;
import dev.attest.compliance.PersonaWebhook;
import dev.attest.compliance.SumsubWebhook;
import dev.attest.compliance.client.SumsubReview;
import dev.attest.compliance.client.SumsubSigning;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.repository.SumsubWebhookRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Receives Sumsub webhooks ({@code POST /webhooks/sumsub/{org}}): checks the size and {@code X-Payload-Digest} over the
 * raw bytes with the organization's secrets, parses the few fields used, derives the event id (a resend is a duplicate,
 * acknowledged, changing nothing), commits the webhook and wakes the {@link SumsubWebhookProcessor}. Bad input is
 * refused before anything is stored; nothing here waits for the case or Kafka (Sumsub's 5 s budget).
 */
@ApplicationScoped
public class SumsubWebhookIntake {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The applicant webhooks that move a case or its steps; any other type is acknowledged and ignored. */
    static final Set<String> APPLIED_TYPES =
            Set.of("applicantCreated", "applicantPending", "applicantReviewed", "applicantOnHold", "applicantReset");

    /**
     * Where each type stands in an applicant's lifecycle, as microseconds added to its {@code createdAtMs}: Sumsub's
     * times have milliseconds only, and a submission and its review can share one (they do at the sandbox), which
     * would leave the review "not newer" than the submission and so stale. A few microseconds order such a tie by the
     * lifecycle and never reorder events a millisecond apart.
     */
    private static final Map<String, Integer> LIFECYCLE = Map.of(
            "applicantReset", 0,
            "applicantCreated", 1,
            "applicantPending", 2,
            "applicantOnHold", 3,
            "applicantReviewed", 4);

    private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("1970-01-01T00:00:00Z");

    private final SumsubSettingsService settings;
    private final Tenants tenants;
    private final SumsubWebhookRepository webhooks;
    private final SumsubWebhookProcessor processor;
    private final ComplianceConfig.Sumsub config;
    private final WebhookIntakeAnswers answers;

    SumsubWebhookIntake(
            SumsubSettingsService settings,
            Tenants tenants,
            SumsubWebhookRepository webhooks,
            SumsubWebhookProcessor processor,
            ComplianceConfig config,
            MeterRegistry registry) {
        this.settings = settings;
        this.tenants = tenants;
        this.webhooks = webhooks;
        this.processor = processor;
        this.config = config.sumsub();
        this.answers = new WebhookIntakeAnswers(registry, "attest.compliance.sumsub.webhooks");
    }

    /** As Persona's: acknowledged with a 2xx either way, so Sumsub stops resending. */
    public enum Receipt {
        ACCEPTED,
        DUPLICATE,
        REFUSED
    }

    /** A webhook for the organization a path names, by id or slug. */
    public Receipt receive(String org, String digest, String digestAlg, byte[] body) {
        byte[] bytes = answers.bounded(body, config.webhookMaxBytes());
        // No organization has such a name: nothing to look up, and the database could not even be asked.
        String orgId = StorableText.storable(org, StorableText.MAX_ID_LENGTH) ? tenants.orgIdOf(org) : null;
        List<String> secrets = orgId == null ? List.of() : settings.webhookSecrets(orgId);
        SumsubSigning.Outcome outcome = SumsubSigning.verify(digest, digestAlg, bytes, secrets);
        if (outcome != SumsubSigning.Outcome.VALID) {
            throw answers.refused(
                    401, "invalid-webhook-signature", "Invalid webhook signature", outcome.detail() + ".");
        }
        SumsubWebhook webhook = parse(orgId, bytes);
        if (!usable(webhook)) {
            count("refused");
            return Receipt.REFUSED;
        }
        boolean fresh = QuarkusTransaction.requiringNew().call(() -> webhooks.recordIfNew(webhook));
        count(fresh ? "accepted" : "duplicate");
        if (fresh && PersonaWebhook.RECEIVED.equals(webhook.state)) {
            processor.wake();
        }
        return fresh ? Receipt.ACCEPTED : Receipt.DUPLICATE;
    }

    /**
     * Whether a verified event can be used: its texts storable, its {@code createdAtMs} not further ahead of the
     * receipt than {@code webhook-future-tolerance} (applied, it would make every later real event look stale).
     */
    private boolean usable(SumsubWebhook webhook) {
        for (String text :
                new String[] {webhook.type, webhook.applicantId, webhook.externalUserId, webhook.reviewStatus}) {
            if (!StorableText.storable(text, StorableText.MAX_ID_LENGTH)) {
                return false;
            }
        }
        return !webhook.eventCreatedAt.isBefore(EARLIEST)
                && !webhook.eventCreatedAt.isAfter(webhook.receivedAt.plus(config.webhookFutureTolerance()));
    }

    /** The fields used of a Sumsub applicant webhook; nothing else of the payload is kept. */
    private SumsubWebhook parse(String orgId, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw answers.malformed("The body is not valid JSON.");
        }
        if (root == null || !root.isObject() || root.path("type").asText("").isBlank()) {
            throw answers.malformed("The body is not a Sumsub webhook (a JSON object with a type).");
        }
        Optional<OffsetDateTime> createdAt = SumsubReview.time(root.get("createdAtMs"));
        if (createdAt.isEmpty()) {
            throw answers.malformed("The webhook has no valid createdAtMs.");
        }
        SumsubWebhook webhook = new SumsubWebhook();
        webhook.orgId = orgId;
        webhook.type = root.path("type").asText();
        webhook.applicantId = WebhookIntakeAnswers.text(root.path("applicantId"));
        webhook.externalUserId = WebhookIntakeAnswers.text(root.path("externalUserId"));
        webhook.reviewStatus = WebhookIntakeAnswers.text(root.path("reviewStatus"));
        webhook.eventCreatedAt = createdAt.get().plusNanos(1_000L * LIFECYCLE.getOrDefault(webhook.type, 0));
        webhook.receivedAt = OffsetDateTime.now();
        webhook.traceparent = WorkSpans.current();
        JsonNode result = root.path("reviewResult");
        webhook.eventId = eventId(webhook, result);
        if (APPLIED_TYPES.contains(webhook.type) && webhook.applicantId != null) {
            // A reset starts the verification over: whatever the payload's review, the applicant is back at init.
            SumsubReview review = "applicantReset".equals(webhook.type)
                    ? SumsubReview.of("init", null)
                    : SumsubReview.of(webhook.reviewStatus, result);
            webhook.providerStatus = review.providerStatus();
            webhook.rejectLabels = review.reasons().isEmpty() ? null : String.join(",", review.reasons());
            webhook.steps = WebhookSteps.write(List.of(review.asStep(webhook.applicantId, webhook.eventCreatedAt)));
            webhook.state = PersonaWebhook.RECEIVED;
        } else {
            webhook.state = PersonaWebhook.IGNORED;
        }
        return webhook;
    }

    /**
     * Sumsub sends no event id, and resends the same event after a failed delivery. The id is the SHA-256 of what
     * makes the event the event: applicant, type, {@code createdAtMs} (milliseconds) and the review it reports (status,
     * answer, reject type). A resend has them all equal, so it is a duplicate; two real events differ at least in their
     * time or review. Not the whole body: fields that change between resends of one event (a correlation id) would
     * make a resend look new, and the result would not converge any better.
     */
    static String eventId(SumsubWebhook webhook, JsonNode result) {
        String identity = String.join(
                "\n",
                String.valueOf(webhook.applicantId),
                webhook.type,
                webhook.eventCreatedAt.toInstant().toString(),
                String.valueOf(webhook.reviewStatus),
                result.path("reviewAnswer").asText(""),
                result.path("reviewRejectType").asText(""));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void count(String outcome) {
        answers.outcome(outcome).increment();
    }
}
