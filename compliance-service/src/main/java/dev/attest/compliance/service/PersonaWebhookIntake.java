package dev.attest.compliance.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.tenant.Tenants;
import dev.attest.common.tracing.WorkSpans;
import dev.attest.compliance.PersonaWebhook;
import dev.attest.compliance.PersonaWebhookRefusal;
import dev.attest.compliance.client.PersonaSteps;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.ProviderStep;
import dev.attest.compliance.repository.PersonaWebhookRefusalRepository;
import dev.attest.compliance.repository.PersonaWebhookWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Receives Persona webhooks: checks size and signature over the raw bytes, parses the envelope, records
 * the event id (a duplicate is acknowledged and changes nothing), and hands the webhook to the
 * {@link PersonaWebhookProcessor}. Nothing here waits for the case or Kafka, so Persona gets its answer
 * well within its 5 s budget; bad input is refused before anything is stored.
 */
@ApplicationScoped
public class PersonaWebhookIntake {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PersonaSettingsService settings;
    private final OrganizationNames names;
    private final Tenants tenants;
    private final PersonaWebhookWriter webhooks;
    private final PersonaWebhookRefusalRepository refusals;
    private final PersonaWebhookProcessor processor;
    private final ComplianceConfig.Persona config;
    private final WebhookIntakeAnswers answers;
    private final Counter accepted;
    private final Counter duplicates;

    PersonaWebhookIntake(
            PersonaSettingsService settings,
            OrganizationNames names,
            Tenants tenants,
            PersonaWebhookWriter webhooks,
            PersonaWebhookRefusalRepository refusals,
            PersonaWebhookProcessor processor,
            ComplianceConfig config,
            MeterRegistry registry) {
        this.settings = settings;
        this.names = names;
        this.tenants = tenants;
        this.webhooks = webhooks;
        this.refusals = refusals;
        this.processor = processor;
        this.config = config.persona();
        this.answers = new WebhookIntakeAnswers(registry, "attest.compliance.persona.webhooks");
        this.accepted = answers.outcome("accepted");
        this.duplicates = answers.outcome("duplicate");
    }

    /**
     * What became of a verified webhook; all three are acknowledged with a 2xx, so Persona stops delivering
     * it. {@code REFUSED}: its content cannot be used (a created-at too far ahead, text the database cannot
     * store); delivering it again would not change that, so it is recorded as refused instead of retried.
     */
    public enum Receipt {
        ACCEPTED,
        DUPLICATE,
        REFUSED
    }

    /** Why a verified webhook is refused for its content, as the refusals list states it. */
    static final String FUTURE_CREATED_AT = "future-created-at";

    static final String UNSTORABLE = "unstorable";

    /** No Persona event predates this; far earlier times are not even storable (timestamptz's range). */
    private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("1970-01-01T00:00:00Z");

    /** A webhook for the default organization ({@code POST /webhooks/persona/inquiry}). */
    public Receipt receiveForDefaultOrg(String signature, byte[] body) {
        if (!names.defaultConfigured()) {
            throw ProblemException.notFound("A default organization for Persona webhooks");
        }
        // A slug the tenant replica does not know yet: Persona retries a 503, by then the replica may know it.
        String orgId = names.defaultOrgId()
                .orElseThrow(() -> new ProblemException(
                        503,
                        "default-organization-unknown",
                        "Default organization not known yet",
                        "The configured default organization is not known to this service yet; retry later."));
        return receive("inquiry", orgId, signature, body);
    }

    /** A webhook for the organization a path names, by id or slug ({@code POST /webhooks/persona/{org}}). */
    public Receipt receiveForPath(String org, String signature, byte[] body) {
        // No organization has such a name: nothing to look up, and the database could not even be asked.
        String orgId = StorableText.storable(org, StorableText.MAX_ID_LENGTH) ? tenants.orgIdOf(org) : null;
        return receive(org, orgId, signature, body);
    }

    /** {@code orgId} null: the path names no organization there can be (no secrets, so refused). */
    private Receipt receive(String pathOrg, String orgId, String signature, byte[] body) {
        byte[] bytes = answers.bounded(body, config.webhookMaxBytes());
        List<String> secrets = orgId == null ? List.of() : settings.webhookSecrets(orgId);
        PersonaSignature.Outcome outcome =
                PersonaSignature.verify(signature, bytes, secrets, Instant.now(), config.webhookTolerance());
        if (outcome != PersonaSignature.Outcome.VALID) {
            recordRefusal(pathOrg, orgId, outcome.name().toLowerCase(), bytes.length);
            throw answers.refused(
                    401, "invalid-webhook-signature", "Invalid webhook signature", outcome.detail() + ".");
        }
        PersonaWebhook webhook = parse(orgId, bytes);
        Optional<String> unusable = unusable(webhook);
        if (unusable.isPresent()) {
            recordRefusal(pathOrg, orgId, unusable.get(), bytes.length);
            answers.outcome(unusable.get()).increment();
            return Receipt.REFUSED;
        }
        // Committed before the answer, in one statement with the webhooks that arrive meanwhile (group commit).
        boolean fresh = webhooks.recordIfNew(webhook);
        (fresh ? accepted : duplicates).increment();
        if (fresh && PersonaWebhook.RECEIVED.equals(webhook.state)) {
            processor.wake(); // ignored events wait for nothing
        }
        return fresh ? Receipt.ACCEPTED : Receipt.DUPLICATE;
    }

    /**
     * Why a verified event cannot be used, if it cannot. Its {@code created-at} must not lie further ahead of
     * the receipt than {@code webhook-future-tolerance}: applied, such an event would make every later real
     * event of its case look stale (an event from the past is fine: it is stale or it applies). Its ids, name
     * and status must be text the database can store.
     */
    private Optional<String> unusable(PersonaWebhook webhook) {
        for (String text : new String[] {
            webhook.eventId, webhook.name, webhook.inquiryId, webhook.referenceId, webhook.inquiryStatus
        }) {
            if (!StorableText.storable(text, StorableText.MAX_ID_LENGTH)) {
                return Optional.of(UNSTORABLE);
            }
        }
        if (webhook.eventCreatedAt.isBefore(EARLIEST)) {
            return Optional.of(UNSTORABLE);
        }
        if (webhook.eventCreatedAt.isAfter(webhook.receivedAt.plus(config.webhookFutureTolerance()))) {
            return Optional.of(FUTURE_CREATED_AT);
        }
        return Optional.empty();
    }

    /**
     * Kept for the admins' view (no body, no signature): under the organization when this service knows it
     * (replicated, or with Persona settings), else under none, for platform admins.
     */
    private void recordRefusal(String pathOrg, String orgId, String reason, int bodyBytes) {
        PersonaWebhookRefusal refusal = new PersonaWebhookRefusal();
        refusal.orgId = orgId != null
                        && (tenants.organization(orgId).isPresent()
                                || settings.of(orgId).isPresent())
                ? orgId
                : null;
        refusal.pathOrg = StorableText.forDisplay(pathOrg, 100);
        refusal.reason = reason;
        refusal.bodyBytes = bodyBytes;
        refusal.receivedAt = OffsetDateTime.now();
        QuarkusTransaction.requiringNew().run(() -> refusals.record(refusal));
    }

    /** The ids and states of a Persona event envelope; nothing else of the payload is kept. */
    private PersonaWebhook parse(String orgId, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw answers.malformed("The body is not valid JSON.");
        }
        JsonNode data = root == null ? null : root.path("data");
        if (data == null
                || !"event".equals(data.path("type").asText())
                || data.path("id").asText().isBlank()) {
            throw answers.malformed("The body is not a Persona event (data.type \"event\" with an id).");
        }
        JsonNode attributes = data.path("attributes");
        String name = attributes.path("name").asText();
        if (name.isBlank()) {
            throw answers.malformed("The event has no name.");
        }
        OffsetDateTime createdAt;
        try {
            createdAt = OffsetDateTime.parse(attributes.path("created-at").asText());
        } catch (DateTimeParseException e) {
            throw answers.malformed("The event has no valid created-at.");
        }
        PersonaWebhook webhook = new PersonaWebhook();
        webhook.orgId = orgId;
        webhook.eventId = data.get("id").asText();
        webhook.name = name;
        webhook.eventCreatedAt = createdAt;
        webhook.receivedAt = OffsetDateTime.now();
        webhook.traceparent = WorkSpans.current();
        JsonNode payload = attributes.path("payload");
        JsonNode subject = payload.path("data");
        if (name.startsWith("inquiry.") && "inquiry".equals(subject.path("type").asText())) {
            webhook.inquiryId = WebhookIntakeAnswers.text(subject.path("id"));
            webhook.referenceId =
                    WebhookIntakeAnswers.text(subject.path("attributes").path("reference-id"));
            webhook.inquiryStatus =
                    WebhookIntakeAnswers.text(subject.path("attributes").path("status"));
            webhook.steps = WebhookSteps.write(PersonaSteps.ofInquiry(subject, payload.path("included"), createdAt));
        } else if (name.startsWith("verification.")) {
            // A verification's event records its step on the case of its inquiry, and moves nothing else.
            Optional<ProviderStep> step = PersonaSteps.ofVerification(subject, createdAt);
            webhook.inquiryId =
                    step.isPresent() ? PersonaSteps.inquiryOf(subject).orElse(null) : null;
            webhook.steps = WebhookSteps.write(step.stream().toList());
        }
        // Other resources' events (case.*, report.*), and events without an inquiry, are acknowledged and not acted on.
        webhook.state = webhook.inquiryId == null ? PersonaWebhook.IGNORED : PersonaWebhook.RECEIVED;
        return webhook;
    }
}
