package dev.attest.sandbox.persona;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The inquiries of the Persona stand-in and their lifecycle: created → pending → completed | failed, then
 * approved | declined | needs_review by the tenant's scenario or by the API, expired (scripted, or by the
 * scenario's expiry) and resumed, redacted. Every status change records the event Persona would send and
 * hands it to the {@link WebhookSender}; a move of the person to another step of the flow (starting it,
 * reaching its completed or failed screen) is also announced as {@code inquiry.transitioned}. Completing the
 * flow runs its checks first, a government id then a selfie, each a verification with its own events
 * ({@code verification.created}, {@code .submitted}, {@code .passed}); failing it fails the government id.
 * Nothing is durable: the sandbox forgets everything when it stops.
 */
@ApplicationScoped
class PersonaSandbox {
    private static final Set<String> RESUMABLE = Set.of("created", "pending", "expired");
    private static final Set<String> DECIDABLE = Set.of("completed", "failed", "needs_review");

    private final PersonaSandboxConfig config;
    private final WebhookSender webhooks;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SandboxTenant> tenants = new LinkedHashMap<>();
    private final Map<String, Inquiry> inquiries = new LinkedHashMap<>();
    private final Map<String, List<WebhookEvent>> events = new LinkedHashMap<>();
    /** One-time link codes not used yet → their inquiry id; a code opens the flow once. */
    private final Map<String, String> oneTimeCodes = new LinkedHashMap<>();

    private final ScheduledExecutorService expiries = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "persona-sandbox-expiry");
        thread.setDaemon(true);
        return thread;
    });
    private Instant lastEventAt = Instant.EPOCH;

    PersonaSandbox(PersonaSandboxConfig config, WebhookSender webhooks) {
        this.config = config;
        this.webhooks = webhooks;
    }

    void onStop(@Observes ShutdownEvent event) {
        expiries.shutdownNow();
    }

    synchronized Optional<SandboxTenant> tenant(String apiKey) {
        SandboxTenant registered = tenants.get(apiKey);
        if (registered != null) {
            return Optional.of(registered);
        }
        return config.apiKeys().contains(apiKey)
                ? Optional.of(new SandboxTenant(apiKey, Optional.empty(), config.webhookSecret(), Scenario.DEFAULT))
                : Optional.empty();
    }

    synchronized void register(SandboxTenant tenant) {
        tenants.put(tenant.apiKey(), tenant);
    }

    synchronized ApiResponse create(String apiKey, JsonNode body) {
        JsonNode attributes = body.path("data").path("attributes");
        String templateId = text(attributes, "inquiry-template-id")
                .or(() -> text(attributes, "inquiry-template-version-id"))
                .or(() -> text(attributes, "template-id"))
                .orElse(null);
        if (templateId == null) {
            return new ApiResponse(
                    400,
                    PersonaJson.errors(
                            "Parameter missing",
                            "param is missing or the value is empty: inquiry-template-id",
                            "/data/attributes/inquiry-template-id"));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        attributes
                .path("fields")
                .fields()
                .forEachRemaining(field ->
                        fields.put(field.getKey(), PersonaJson.MAPPER.convertValue(field.getValue(), Object.class)));
        Inquiry inquiry = new Inquiry(
                newId("inq_"),
                apiKey,
                templateId,
                text(attributes, "reference-id").orElse(null),
                text(attributes, "note").orElse(null),
                fields,
                nextEventTime());
        inquiry.sessionToken = newToken();
        inquiries.put(inquiry.id, inquiry);
        announce(inquiry, "inquiry.created");
        long expireAfterMs = tenant(apiKey).orElseThrow().scenario().expireAfterMs();
        if (expireAfterMs > 0) {
            expiries.schedule(() -> expire(inquiry.id), expireAfterMs, TimeUnit.MILLISECONDS);
        }
        return new ApiResponse(201, PersonaJson.document(inquiry, Map.of("session-token", inquiry.sessionToken)));
    }

    synchronized ApiResponse retrieve(String apiKey, String inquiryId) {
        return find(apiKey, inquiryId)
                .map(inquiry -> ApiResponse.ok(PersonaJson.document(inquiry, Map.of())))
                .orElseGet(() -> notFound(inquiryId));
    }

    /** Newest first, cursor-paginated with {@code page[after]} (an inquiry id) and {@code page[size]}. */
    synchronized ApiResponse list(String apiKey, String referenceId, int size, String after) {
        List<Inquiry> mine = new ArrayList<>(inquiries.values().stream()
                .filter(inquiry -> inquiry.apiKey.equals(apiKey))
                .filter(inquiry -> referenceId == null || referenceId.equals(inquiry.referenceId))
                .toList());
        Collections.reverse(mine);
        int from = 0;
        if (after != null) {
            for (int i = 0; i < mine.size(); i++) {
                if (mine.get(i).id.equals(after)) {
                    from = i + 1;
                }
            }
        }
        List<Inquiry> page = mine.subList(Math.min(from, mine.size()), Math.min(from + size, mine.size()));
        ObjectNode document = PersonaJson.MAPPER.createObjectNode();
        page.forEach(inquiry -> document.withArray("data").add(PersonaJson.inquiry(inquiry)));
        document.withArray("data");
        ObjectNode links = document.putObject("links");
        boolean more = from + size < mine.size();
        links.put(
                "next",
                more && !page.isEmpty()
                        ? "/api/v1/inquiries?page[after]=" + page.get(page.size() - 1).id + "&page[size]=" + size
                        : null);
        links.putNull("prev");
        return ApiResponse.ok(document);
    }

    synchronized ApiResponse resume(String apiKey, String inquiryId) {
        Optional<Inquiry> found = find(apiKey, inquiryId);
        if (found.isEmpty()) {
            return notFound(inquiryId);
        }
        Inquiry inquiry = found.get();
        if (inquiry.isRedacted()) {
            return ApiResponse.error(422, "Invalid action", "Inquiry " + inquiryId + " has been redacted");
        }
        if (!RESUMABLE.contains(inquiry.status)) {
            return ApiResponse.error(
                    409, "Conflict", "Inquiry " + inquiryId + " cannot be resumed from status " + inquiry.status);
        }
        if ("expired".equals(inquiry.status)) {
            inquiry.status = "pending";
            inquiry.expiredAt = null;
            inquiry.sessionToken = null;
        }
        if (inquiry.sessionToken == null) {
            inquiry.sessionToken = newToken();
        }
        return ApiResponse.ok(PersonaJson.document(inquiry, Map.of("session-token", inquiry.sessionToken)));
    }

    /**
     * Persona's "Generate a one-time link": a new session of the inquiry behind a link of the form
     * {@code <hosted page>?code=<code>}, usable once ({@code meta.one-time-link}, and {@code one-time-link-short}).
     * As at Persona, not while the inquiry is expired (resume it first), nor once it is finished.
     */
    synchronized ApiResponse oneTimeLink(String apiKey, String inquiryId, String hostedPage) {
        Optional<Inquiry> found = find(apiKey, inquiryId);
        if (found.isEmpty()) {
            return notFound(inquiryId);
        }
        Inquiry inquiry = found.get();
        if (inquiry.isRedacted()) {
            return ApiResponse.error(422, "Invalid action", "Inquiry " + inquiryId + " has been redacted");
        }
        if (!Set.of("created", "pending").contains(inquiry.status)) {
            return ApiResponse.error(
                    409,
                    "Conflict",
                    "Cannot generate a one-time link for inquiry " + inquiryId + " in status " + inquiry.status);
        }
        String code = newToken().substring("sess_".length());
        oneTimeCodes.put(code, inquiry.id);
        String link = hostedPage + "?code=" + code;
        return ApiResponse.ok(
                PersonaJson.document(inquiry, Map.of("one-time-link", link, "one-time-link-short", link)));
    }

    /**
     * The inquiry a one-time link opens, with a fresh session for the person; the code is spent, so the link
     * opens nothing a second time.
     */
    synchronized Optional<Inquiry> redeem(String code) {
        Inquiry inquiry = code == null ? null : inquiries.get(oneTimeCodes.remove(code));
        if (inquiry == null
                || inquiry.isRedacted()
                || !Set.of("created", "pending").contains(inquiry.status)) {
            return Optional.empty();
        }
        inquiry.sessionToken = newToken();
        return Optional.of(inquiry);
    }

    synchronized ApiResponse decide(String apiKey, String inquiryId, boolean approve) {
        Optional<Inquiry> found = find(apiKey, inquiryId);
        if (found.isEmpty()) {
            return notFound(inquiryId);
        }
        Inquiry inquiry = found.get();
        // An approved inquiry may still be declined: Persona lets an organization's reviewers change a
        // decision ("Inquiry Model Lifecycle": members manually change the status), which is how a
        // verification is withdrawn. A decline is final.
        boolean withdrawal = !approve && "approved".equals(inquiry.status);
        if (!withdrawal && (!DECIDABLE.contains(inquiry.status) || (approve && "failed".equals(inquiry.status)))) {
            return ApiResponse.error(
                    422,
                    "Invalid action",
                    "Inquiry " + inquiryId + " cannot be " + (approve ? "approved" : "declined") + " from status "
                            + inquiry.status);
        }
        applyDecision(inquiry, approve ? "approved" : "declined");
        return ApiResponse.ok(PersonaJson.document(inquiry, Map.of()));
    }

    synchronized ApiResponse redact(String apiKey, String inquiryId) {
        Optional<Inquiry> found = find(apiKey, inquiryId);
        if (found.isEmpty()) {
            return notFound(inquiryId);
        }
        Inquiry inquiry = found.get();
        if (!inquiry.isRedacted()) {
            inquiry.redactedAt = nextEventTime();
            announce(inquiry, "inquiry.redacted");
        }
        return ApiResponse.ok(PersonaJson.document(inquiry, Map.of()));
    }

    // The hosted flow: what the person does at the session link.

    /** The inquiry behind a session link, if the token is the inquiry's current one. */
    synchronized Optional<Inquiry> session(String inquiryId, String sessionToken) {
        Inquiry inquiry = inquiries.get(inquiryId);
        if (inquiry == null || inquiry.sessionToken == null || !inquiry.sessionToken.equals(sessionToken)) {
            return Optional.empty();
        }
        return Optional.of(inquiry);
    }

    /** The person opened the flow: a created inquiry becomes pending. True if this opening started it. */
    synchronized boolean start(Inquiry inquiry) {
        if (!"created".equals(inquiry.status)) {
            return false;
        }
        inquiry.status = "pending";
        inquiry.startedAt = nextEventTime();
        webhooks.send(
                tenant(inquiry.apiKey).orElseThrow(),
                List.of(record(inquiry, "inquiry.started"), record(inquiry, "inquiry.transitioned")));
        return true;
    }

    /**
     * The person's choice at a page of the flow ({@code complete}, {@code fail} or {@code abandon}), checked
     * against the session in the same step. Every page of the flow (the session link, the SDK's iframe) acts
     * through here and only renders the outcome. The status reported is the one the person's step produced,
     * as Persona's flow reports it ({@code completed}, {@code failed}): a workflow's decision in the same step
     * reaches the organization by webhook, not through the person's browser. Leaving changes nothing: the same
     * session token resumes the flow.
     */
    synchronized FlowOutcome act(String inquiryId, String sessionToken, String action) {
        Optional<Inquiry> session = session(inquiryId, sessionToken);
        if (session.isEmpty()) {
            return new FlowOutcome(FlowOutcome.Kind.INVALID_SESSION, action, inquiryId, null, null, null);
        }
        Inquiry inquiry = session.get();
        JsonNode fields = PersonaJson.inquiry(inquiry).path("attributes").path("fields");
        return switch (action) {
            case "complete" -> complete(inquiry)
                    ? new FlowOutcome(FlowOutcome.Kind.COMPLETED, action, inquiry.id, null, "completed", fields)
                    : new FlowOutcome(FlowOutcome.Kind.NOT_POSSIBLE, action, inquiry.id, null, inquiry.status, null);
            case "fail" -> fail(inquiry)
                    ? new FlowOutcome(FlowOutcome.Kind.FAILED, action, inquiry.id, null, "failed", fields)
                    : new FlowOutcome(FlowOutcome.Kind.NOT_POSSIBLE, action, inquiry.id, null, inquiry.status, null);
            case "abandon" -> new FlowOutcome(
                    FlowOutcome.Kind.LEFT, action, inquiry.id, sessionToken, inquiry.status, null);
            default -> new FlowOutcome(FlowOutcome.Kind.UNKNOWN_ACTION, action, inquiry.id, null, null, null);
        };
    }

    /** The person finished the flow; the tenant's workflow then decides, in the same step. */
    synchronized boolean complete(Inquiry inquiry) {
        if (!"pending".equals(inquiry.status)) {
            return false;
        }
        List<WebhookEvent> step = new ArrayList<>(check(inquiry, Verification.GOVERNMENT_ID, "passed"));
        step.addAll(check(inquiry, Verification.SELFIE, "passed"));
        inquiry.status = "completed";
        inquiry.completedAt = nextEventTime();
        inquiry.sessionToken = null;
        step.add(record(inquiry, "inquiry.completed"));
        step.add(record(inquiry, "inquiry.transitioned"));
        SandboxTenant tenant = tenant(inquiry.apiKey).orElseThrow();
        switch (tenant.scenario().decision()) {
            case AUTO_APPROVE -> step.add(decision(inquiry, "approved"));
            case AUTO_DECLINE -> step.add(decision(inquiry, "declined"));
            case NEEDS_REVIEW -> step.add(decision(inquiry, "needs_review"));
            case NONE -> {}
        }
        webhooks.send(tenant, step);
        return true;
    }

    /** The person failed the checks (or ran out of attempts). */
    synchronized boolean fail(Inquiry inquiry) {
        if (!"pending".equals(inquiry.status)) {
            return false;
        }
        // The government id fails, so the flow ends before the selfie.
        List<WebhookEvent> step = new ArrayList<>(check(inquiry, Verification.GOVERNMENT_ID, "failed"));
        inquiry.status = "failed";
        inquiry.failedAt = nextEventTime();
        inquiry.sessionToken = null;
        step.add(record(inquiry, "inquiry.failed"));
        step.add(record(inquiry, "inquiry.transitioned"));
        webhooks.send(tenant(inquiry.apiKey).orElseThrow(), step);
        return true;
    }

    // Control API: what a test or an operator scripts.

    synchronized Optional<String> expire(String inquiryId) {
        Inquiry inquiry = inquiries.get(inquiryId);
        if (inquiry == null) {
            return Optional.empty();
        }
        if (Set.of("created", "pending").contains(inquiry.status)) {
            inquiry.status = "expired";
            inquiry.expiredAt = nextEventTime();
            inquiry.sessionToken = null;
            announce(inquiry, "inquiry.expired");
        }
        return Optional.of(inquiry.status);
    }

    /** Sends every event of the inquiry again, {@code times} over, optionally in shuffled order. */
    synchronized boolean redeliver(String inquiryId, int times, boolean shuffle) {
        Inquiry inquiry = inquiries.get(inquiryId);
        if (inquiry == null) {
            return false;
        }
        List<WebhookEvent> copies = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            copies.addAll(events.getOrDefault(inquiryId, List.of()));
        }
        if (shuffle) {
            Collections.shuffle(copies, random);
        }
        webhooks.sendInOrder(tenant(inquiry.apiKey).orElseThrow(), copies, 0);
        return true;
    }

    synchronized List<WebhookEvent> events(String inquiryId) {
        return List.copyOf(events.getOrDefault(inquiryId, List.of()));
    }

    private void applyDecision(Inquiry inquiry, String status) {
        webhooks.send(tenant(inquiry.apiKey).orElseThrow(), List.of(decision(inquiry, status)));
    }

    private WebhookEvent decision(Inquiry inquiry, String status) {
        inquiry.status = status;
        inquiry.decisionedAt = nextEventTime();
        return record(inquiry, "needs_review".equals(status) ? "inquiry.marked-for-review" : "inquiry." + status);
    }

    private void announce(Inquiry inquiry, String name) {
        webhooks.send(tenant(inquiry.apiKey).orElseThrow(), List.of(record(inquiry, name)));
    }

    /**
     * One check of the flow, as Persona runs it: the verification is created (initiated) when the person reaches
     * it, submitted with their capture, then passed or failed; each change is its own event, as at Persona.
     */
    private List<WebhookEvent> check(Inquiry inquiry, String kind, String outcome) {
        Verification verification = new Verification(newId("ver_"), kind, nextEventTime());
        inquiry.verifications.add(verification);
        List<WebhookEvent> events = new ArrayList<>();
        events.add(record(inquiry, verification, "verification.created"));
        verification.status = "submitted";
        verification.submittedAt = nextEventTime();
        events.add(record(inquiry, verification, "verification.submitted"));
        verification.status = outcome;
        verification.completedAt = nextEventTime();
        events.add(record(inquiry, verification, "verification." + outcome));
        return events;
    }

    /** An inquiry's event: the inquiry as its payload, its verifications included. */
    private WebhookEvent record(Inquiry inquiry, String name) {
        return record(inquiry, name, PersonaJson.inquiry(inquiry), PersonaJson.included(inquiry));
    }

    /** A verification's event: the verification as its payload. */
    private WebhookEvent record(Inquiry inquiry, Verification verification, String name) {
        return record(
                inquiry, name, PersonaJson.verification(inquiry, verification), PersonaJson.MAPPER.createArrayNode());
    }

    private WebhookEvent record(Inquiry inquiry, String name, ObjectNode subject, ArrayNode included) {
        Instant createdAt = nextEventTime();
        String id = newId("evt_");
        ObjectNode envelope = PersonaJson.MAPPER.createObjectNode();
        ObjectNode data = envelope.putObject("data");
        data.put("type", "event");
        data.put("id", id);
        ObjectNode attributes = data.putObject("attributes");
        attributes.put("name", name);
        attributes.put("created-at", PersonaJson.time(createdAt));
        ObjectNode payload = attributes.putObject("payload");
        payload.set("data", subject);
        payload.set("included", included);
        WebhookEvent event = new WebhookEvent(
                id,
                name,
                createdAt,
                inquiry.apiKey,
                inquiry.id,
                PersonaJson.write(envelope).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        events.computeIfAbsent(inquiry.id, key -> new ArrayList<>()).add(event);
        return event;
    }

    private Optional<Inquiry> find(String apiKey, String inquiryId) {
        // Another key's inquiry does not exist for this key.
        return Optional.ofNullable(inquiries.get(inquiryId)).filter(inquiry -> inquiry.apiKey.equals(apiKey));
    }

    private static ApiResponse notFound(String inquiryId) {
        return ApiResponse.error(404, "Record not found", "Could not find inquiry " + inquiryId);
    }

    /** Strictly increasing by at least a millisecond, so {@code created-at} orders every event. */
    private Instant nextEventTime() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        lastEventAt = now.isAfter(lastEventAt) ? now : lastEventAt.plusMillis(1);
        return lastEventAt;
    }

    private String newId(String prefix) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return "sess_" + HexFormat.of().formatHex(bytes);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank()
                ? Optional.empty()
                : Optional.of(value.asText());
    }
}
