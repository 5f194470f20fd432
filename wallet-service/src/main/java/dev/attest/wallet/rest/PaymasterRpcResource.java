package dev.attest.wallet.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.common.problem.ProblemException;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.wallet.aa.PaymasterService;
import dev.attest.wallet.aa.SponsorshipRefusedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * ERC-7677's paymaster web service for one project (JSON-RPC 2.0 over POST): what a project's own application calls,
 * with its API key, to have the platform's paymaster sponsor its users' UserOperations. Errors are JSON-RPC errors
 * (HTTP 200), as JSON-RPC clients expect; the refusal's code is in {@code error.data.code}.
 */
@Path("/paymaster/{project_id}")
@RolesAllowed({Roles.API_KEY, Roles.ORG_ADMIN})
public class PaymasterRpcResource {
    private final Caller caller;
    private final PaymasterService paymaster;
    private final ObjectMapper json;

    PaymasterRpcResource(Caller caller, PaymasterService paymaster, ObjectMapper json) {
        this.caller = caller;
        this.paymaster = paymaster;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode call(@PathParam("project_id") String projectId, JsonNode request) {
        // An API key bound to a project speaks for that project only.
        if (caller.projectId().filter(own -> !own.equals(projectId)).isPresent()) {
            throw ProblemException.notFound("Project " + projectId);
        }
        JsonNode id = request == null ? null : request.get("id");
        if (request == null || !request.isObject() || !request.path("method").isTextual()) {
            return error(id, -32600, "invalid-request", "A JSON-RPC 2.0 request object is required.");
        }
        try {
            JsonNode result = paymaster.call(
                    caller.orgId(), projectId, request.get("method").asText(), request.get("params"));
            ObjectNode answer = envelope(id);
            answer.set("result", result);
            return answer;
        } catch (PaymasterService.RpcFailure e) {
            return error(id, e.code, e.slug, e.getMessage());
        } catch (SponsorshipRefusedException e) {
            return error(id, PaymasterService.REFUSED, e.slug(), e.getMessage());
        }
    }

    private ObjectNode error(JsonNode id, int code, String slug, String message) {
        ObjectNode answer = envelope(id);
        ObjectNode error = answer.putObject("error").put("code", code).put("message", message);
        error.putObject("data").put("code", slug);
        return answer;
    }

    private ObjectNode envelope(JsonNode id) {
        ObjectNode answer = json.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", id == null ? json.nullNode() : id);
        return answer;
    }
}
