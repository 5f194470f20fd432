package dev.attest.sandbox.sumsub;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Scripting the Sumsub sandbox (not part of Sumsub's API): apps with their webhook URL, secret and digest
 * algorithm; review results; and what was delivered. JSON keys are snake_case; errors are {@code {error}}.
 */
@Path("/sumsub/_sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Blocking
@Tag(name = "Sumsub sandbox control")
public class SumsubControlResource {
    private static final Set<String> REJECT_TYPES = Set.of("RETRY", "FINAL");

    private final SumsubSandbox sandbox;
    private final SumsubWebhooks webhooks;

    SumsubControlResource(SumsubSandbox sandbox, SumsubWebhooks webhooks) {
        this.sandbox = sandbox;
        this.webhooks = webhooks;
    }

    /**
     * Registers (or replaces) an app token: {@code {app_token, secret_key, webhook_url?, webhook_secret,
     * digest_alg?: HMAC_SHA1_HEX|HMAC_SHA256_HEX|HMAC_SHA512_HEX}} (SHA-256 by default, as at Sumsub).
     */
    @POST
    @Path("/apps")
    public Response register(byte[] body) {
        Optional<JsonNode> json = parse(body);
        if (json.isEmpty()) {
            return error("the body must be a JSON object");
        }
        JsonNode request = json.get();
        String token = request.path("app_token").asText("");
        String secret = request.path("secret_key").asText("");
        String webhookSecret = request.path("webhook_secret").asText("");
        if (token.isBlank() || secret.isBlank() || webhookSecret.isBlank()) {
            return error("app_token, secret_key and webhook_secret are required");
        }
        String algName = request.path("digest_alg").asText("HMAC_SHA256_HEX");
        Optional<SumsubSignatures.DigestAlg> alg = SumsubSignatures.DigestAlg.parse(algName);
        if (alg.isEmpty()) {
            return error("digest_alg must be HMAC_SHA1_HEX, HMAC_SHA256_HEX or HMAC_SHA512_HEX, not " + algName);
        }
        Optional<String> url = request.hasNonNull("webhook_url")
                ? Optional.of(request.get("webhook_url").asText())
                : Optional.empty();
        sandbox.register(new SumsubApp(token, secret, url, webhookSecret, alg.get()));
        return Response.status(201).entity(request.toString()).build();
    }

    /**
     * Scripts the applicant's review: {@code {answer: GREEN|RED|ON_HOLD, reject_type: RETRY|FINAL (RED only),
     * labels: [...]}}. Sends {@code applicantPending} first if the applicant was never submitted, then {@code
     * applicantReviewed} ({@code applicantOnHold} for ON_HOLD: status {@code onHold}, no result yet, as when
     * Sumsub pauses a case for a person to look at). Reviewing again (GREEN then RED) is a downgrade, as a Sumsub
     * reviewer's; an applicant on hold is reviewed the same way.
     */
    @POST
    @Path("/applicants/{id}/review")
    public Response review(@PathParam("id") String id, byte[] body) {
        Optional<Applicant> applicant = sandbox.applicant(id);
        if (applicant.isEmpty()) {
            return Response.status(404).entity(errorJson("no applicant " + id)).build();
        }
        Optional<JsonNode> json = parse(body);
        if (json.isEmpty()) {
            return error("the body must be a JSON object");
        }
        String answer = json.get().path("answer").asText("");
        String rejectType = json.get().path("reject_type").asText("");
        List<String> labels = new ArrayList<>();
        json.get().path("labels").forEach(label -> labels.add(label.asText()));
        if ("ON_HOLD".equals(answer)) {
            if (!rejectType.isEmpty() || !labels.isEmpty()) {
                return error("an ON_HOLD answer takes no reject_type or labels");
            }
            sandbox.hold(applicant.get());
            return Response.ok(applicant.get().status().toString()).build();
        } else if ("GREEN".equals(answer)) {
            if (!rejectType.isEmpty() || !labels.isEmpty()) {
                return error("a GREEN answer takes no reject_type or labels");
            }
        } else if ("RED".equals(answer)) {
            if (!REJECT_TYPES.contains(rejectType)) {
                return error("a RED answer needs reject_type RETRY or FINAL");
            }
        } else {
            return error("answer must be GREEN, RED or ON_HOLD");
        }
        sandbox.review(
                applicant.get(),
                new Applicant.Review(answer, rejectType.isEmpty() ? null : rejectType, List.copyOf(labels)));
        return Response.ok(applicant.get().status().toString()).build();
    }

    /** Every webhook attempt: {@code [{applicant_id, type, attempt, status, at}]}; attempt 0: no URL, not sent. */
    @GET
    @Path("/deliveries")
    public String deliveries() {
        ArrayNode list = SumsubError.JSON.createArrayNode();
        for (SumsubWebhooks.Delivery delivery : webhooks.deliveries()) {
            ObjectNode node = list.addObject();
            node.put("applicant_id", delivery.applicantId());
            node.put("type", delivery.type());
            node.put("attempt", delivery.attempt());
            node.put("status", delivery.status());
            node.put("at", delivery.at().toString());
        }
        return list.toString();
    }

    private static Optional<JsonNode> parse(byte[] body) {
        try {
            JsonNode node = SumsubError.JSON.readTree(body == null ? new byte[0] : body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Response error(String message) {
        return Response.status(400).entity(errorJson(message)).build();
    }

    private static String errorJson(String message) {
        return SumsubError.JSON.createObjectNode().put("error", message).toString();
    }
}
