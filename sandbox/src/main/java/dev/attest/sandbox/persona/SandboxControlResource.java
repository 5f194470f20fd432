package dev.attest.sandbox.persona;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Scripting the Persona sandbox (not part of Persona's API): organizations with their webhook URL,
 * secret and scenario; expiry; webhook replays; API faults; and what was delivered. JSON keys are
 * snake_case.
 */
@Path("/persona/_sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Blocking
@Tag(name = "Persona sandbox control")
public class SandboxControlResource {
    private final PersonaSandbox sandbox;
    private final WebhookSender webhooks;
    private final FaultInjector faults;
    private final PersonaSandboxConfig config;

    SandboxControlResource(
            PersonaSandbox sandbox, WebhookSender webhooks, FaultInjector faults, PersonaSandboxConfig config) {
        this.sandbox = sandbox;
        this.webhooks = webhooks;
        this.faults = faults;
        this.config = config;
    }

    /**
     * Registers (or replaces) an organization: {@code {api_key, webhook_url?, webhook_secret?, scenario?:
     * {decision: auto-approve|auto-decline|needs-review|none, delivery_delay_ms, duplicates, reverse_order,
     * expire_after_ms}}}.
     */
    @POST
    @Path("/organizations")
    public Response register(byte[] body) {
        Optional<JsonNode> json = PersonaJson.parse(body);
        if (json.isEmpty() || json.get().path("api_key").asText().isBlank()) {
            return error(400, "api_key is required");
        }
        JsonNode request = json.get();
        JsonNode scenario = request.path("scenario");
        Scenario.Decision decision;
        try {
            decision = Scenario.Decision.parse(
                    scenario.hasNonNull("decision") ? scenario.get("decision").asText() : null);
        } catch (IllegalArgumentException e) {
            return error(400, "scenario.decision must be auto-approve, auto-decline, needs-review or none");
        }
        SandboxTenant tenant = new SandboxTenant(
                request.get("api_key").asText(),
                Optional.ofNullable(request.get("webhook_url"))
                        .filter(JsonNode::isTextual)
                        .map(JsonNode::asText),
                request.hasNonNull("webhook_secret")
                        ? request.get("webhook_secret").asText()
                        : config.webhookSecret(),
                new Scenario(
                        decision,
                        scenario.path("delivery_delay_ms").asLong(0),
                        scenario.path("duplicates").asInt(0),
                        scenario.path("reverse_order").asBoolean(false),
                        Math.max(0, scenario.path("expire_after_ms").asLong(0))));
        sandbox.register(tenant);
        ObjectNode answer = PersonaJson.MAPPER.createObjectNode();
        answer.put("api_key", tenant.apiKey());
        answer.put("webhook_url", tenant.webhookUrl().orElse(null));
        answer.put("decision", decision.name().toLowerCase().replace('_', '-'));
        return Response.status(201).entity(PersonaJson.write(answer)).build();
    }

    /** Scripts API failures for a key: {@code {api_key, fail_next, status (default 500), delay_ms}}. */
    @POST
    @Path("/faults")
    public Response faults(byte[] body) {
        Optional<JsonNode> json = PersonaJson.parse(body);
        if (json.isEmpty() || json.get().path("api_key").asText().isBlank()) {
            return error(400, "api_key is required");
        }
        JsonNode request = json.get();
        faults.script(
                request.get("api_key").asText(),
                request.path("fail_next").asInt(0),
                request.path("status").asInt(500),
                request.path("delay_ms").asLong(0));
        return Response.noContent().build();
    }

    /** Expires a created or pending inquiry, as Persona does after 24 h. */
    @POST
    @Path("/inquiries/{id}/expire")
    public Response expire(@PathParam("id") String id) {
        return sandbox.expire(id)
                .map(status -> Response.ok(PersonaJson.write(
                                PersonaJson.MAPPER.createObjectNode().put("status", status)))
                        .build())
                .orElseGet(() -> error(404, "no inquiry " + id));
    }

    /** Delivers every event of an inquiry again: {@code {times (default 1), shuffle}}. */
    @POST
    @Path("/inquiries/{id}/redeliver")
    public Response redeliver(@PathParam("id") String id, byte[] body) {
        JsonNode request = PersonaJson.parse(body).orElse(PersonaJson.MAPPER.createObjectNode());
        int times = Math.max(1, Math.min(request.path("times").asInt(1), 10));
        return sandbox.redeliver(id, times, request.path("shuffle").asBoolean(false))
                ? Response.accepted().build()
                : error(404, "no inquiry " + id);
    }

    /** The events recorded for an inquiry, oldest first. */
    @GET
    @Path("/inquiries/{id}/events")
    public Response events(@PathParam("id") String id) {
        ArrayNode list = PersonaJson.MAPPER.createArrayNode();
        for (WebhookEvent event : sandbox.events(id)) {
            list.addObject()
                    .put("id", event.id())
                    .put("name", event.name())
                    .put("created_at", PersonaJson.time(event.createdAt()));
        }
        return Response.ok(PersonaJson.write(list)).build();
    }

    /** Every delivery attempt so far, optionally of one inquiry. */
    @GET
    @Path("/deliveries")
    public Response deliveries(@QueryParam("inquiry_id") String inquiryId) {
        ArrayNode list = PersonaJson.MAPPER.createArrayNode();
        for (WebhookDelivery delivery : webhooks.deliveries()) {
            if (inquiryId == null || inquiryId.equals(delivery.inquiryId())) {
                list.addObject()
                        .put("event_id", delivery.eventId())
                        .put("event_name", delivery.eventName())
                        .put("inquiry_id", delivery.inquiryId())
                        .put("attempt", delivery.attempt())
                        .put("status", delivery.status())
                        // when the receiver's answer came back: the benchmark's start of the clock
                        .put("answered_at", PersonaJson.time(delivery.at()));
            }
        }
        return Response.ok(PersonaJson.write(list)).build();
    }

    private static Response error(int status, String detail) {
        return Response.status(status)
                .entity(PersonaJson.write(PersonaJson.MAPPER.createObjectNode().put("error", detail)))
                .build();
    }
}
