package dev.attest.sandbox.sumsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Sumsub's applicant API under {@code /sumsub}: {@code /sumsub/resources/...} is Sumsub's {@code /resources/...}.
 * Every request is app-token signed; the signature covers the path as at Sumsub's origin.
 */
@Path("/sumsub/resources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Blocking
@Tag(name = "Sumsub")
public class SumsubApiResource {
    private static final String PREFIX = "/sumsub";

    private final SumsubSandbox sandbox;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    SumsubApiResource(SumsubSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Create an applicant: {@code POST /resources/applicants?levelName=…}, body {@code {externalUserId, …}}. */
    @POST
    @Path("/applicants")
    public String create(byte[] body) {
        SumsubApp app = authenticate("POST", body);
        String levelName = uri.getQueryParameters().getFirst("levelName");
        if (levelName == null || levelName.isBlank()) {
            throw new SumsubError(400, "levelName is required");
        }
        String externalUserId = json(body).path("externalUserId").asText("");
        if (externalUserId.isBlank()) {
            throw new SumsubError(400, "externalUserId is required");
        }
        return sandbox.create(app, levelName, externalUserId).json().toString();
    }

    @GET
    @Path("/applicants/{id}/one")
    public String one(@PathParam("id") String id) {
        return sandbox.applicant(authenticate("GET", new byte[0]), id).json().toString();
    }

    @GET
    @Path("/applicants/{id}/status")
    public String status(@PathParam("id") String id) {
        return sandbox.applicant(authenticate("GET", new byte[0]), id).status().toString();
    }

    @GET
    @Path("/applicants/{id}/requiredIdDocsStatus")
    public String requiredIdDocsStatus(@PathParam("id") String id) {
        return sandbox.applicant(authenticate("GET", new byte[0]), id)
                .requiredIdDocsStatus()
                .toString();
    }

    /** WebSDK access token: {@code POST /resources/accessTokens/sdk}, body {@code {userId, levelName, ttlInSecs?}}. */
    @POST
    @Path("/accessTokens/sdk")
    public String sdkAccessToken(byte[] body) {
        authenticate("POST", body);
        JsonNode request = json(body);
        return accessToken(
                request.path("userId").asText(""), request.path("levelName").asText(""));
    }

    /** The older form: {@code POST /resources/accessTokens?userId=…&levelName=…}. */
    @POST
    @Path("/accessTokens")
    public String accessToken(byte[] body) {
        authenticate("POST", body);
        var query = uri.getQueryParameters();
        String userId = query.getFirst("userId");
        String levelName = query.getFirst("levelName");
        return accessToken(userId == null ? "" : userId, levelName == null ? "" : levelName);
    }

    private String accessToken(String userId, String levelName) {
        if (userId.isBlank() || levelName.isBlank()) {
            throw new SumsubError(400, "userId and levelName are required");
        }
        ObjectNode answer = SumsubError.JSON.createObjectNode();
        answer.put("token", sandbox.accessToken());
        answer.put("userId", userId);
        return answer.toString();
    }

    private SumsubApp authenticate(String method, byte[] body) {
        String path = uri.getRequestUri().getRawPath();
        // The signed path is the one at Sumsub's origin: a client whose base URL ends in /sumsub signs /resources/….
        String atOrigin = path.startsWith(PREFIX + "/") ? path.substring(PREFIX.length()) : path;
        String query = uri.getRequestUri().getRawQuery();
        return sandbox.authenticate(
                headers.getHeaderString("X-App-Token"),
                headers.getHeaderString("X-App-Access-Ts"),
                headers.getHeaderString("X-App-Access-Sig"),
                method,
                query == null ? atOrigin : atOrigin + "?" + query,
                body == null ? new byte[0] : body);
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode node = SumsubError.JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new SumsubError(400, "The body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new SumsubError(400, "The body is not valid JSON");
        }
    }
}
