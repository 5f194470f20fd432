package dev.attest.sandbox.sumsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.time.Duration;
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
    private final SumsubSandboxConfig config;
    private final WebSdkOrigin webSdkOrigin;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Context
    HttpServerRequest request;

    SumsubApiResource(SumsubSandbox sandbox, SumsubSandboxConfig config, WebSdkOrigin webSdkOrigin) {
        this.sandbox = sandbox;
        this.config = config;
        this.webSdkOrigin = webSdkOrigin;
    }

    /**
     * Create an applicant: {@code POST /resources/applicants?levelName=…}, body {@code {externalUserId, type?:
     * individual|company, fixedInfo?}}; a company's data is {@code fixedInfo.companyInfo} ({@code companyName},
     * {@code country}, …), answered back in {@code fixedInfo} and {@code info}.
     */
    @POST
    @Path("/applicants")
    public String create(byte[] body) {
        SumsubApp app = authenticate("POST", body);
        String levelName = uri.getQueryParameters().getFirst("levelName");
        if (levelName == null || levelName.isBlank()) {
            throw new SumsubError(400, "levelName is required");
        }
        JsonNode request = json(body);
        String externalUserId = request.path("externalUserId").asText("");
        if (externalUserId.isBlank()) {
            throw new SumsubError(400, "externalUserId is required");
        }
        String type = request.path("type").asText(Applicant.INDIVIDUAL);
        if (!type.equals(Applicant.INDIVIDUAL) && !type.equals(Applicant.COMPANY)) {
            throw new SumsubError(400, "type must be individual or company, not " + type);
        }
        JsonNode fixedInfo = request.path("fixedInfo");
        if (!fixedInfo.isMissingNode() && !fixedInfo.isNull() && !fixedInfo.isObject()) {
            throw new SumsubError(400, "fixedInfo must be an object");
        }
        return sandbox.create(
                        app, levelName, externalUserId, type, fixedInfo.isObject() ? (ObjectNode) fixedInfo : null)
                .json()
                .toString();
    }

    /**
     * {@code GET /resources/applicants/{id}/one}, and by the client's id: {@code
     * /resources/applicants/-;externalUserId={externalUserId}/one} (a matrix parameter on the {@code -} segment).
     */
    @GET
    @Path("/applicants/{id}/one")
    public String one(@PathParam("id") String id, @MatrixParam("externalUserId") String externalUserId) {
        SumsubApp app = authenticate("GET", new byte[0]);
        if ("-".equals(id) && externalUserId != null) {
            return sandbox.byExternalUserId(app, externalUserId).json().toString();
        }
        return sandbox.applicant(app, id).json().toString();
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

    /** Sumsub's reset: {@code POST /resources/applicants/{id}/reset}, back to {@code init} ({@code applicantReset}). */
    @POST
    @Path("/applicants/{id}/reset")
    public String reset(@PathParam("id") String id, byte[] body) {
        sandbox.reset(sandbox.applicant(authenticate("POST", body), id));
        return SumsubError.JSON.createObjectNode().put("ok", 1).toString();
    }

    /**
     * WebSDK access token: {@code POST /resources/accessTokens/sdk}, body {@code {userId, levelName, ttlInSecs?}}
     * (userId: the applicant's externalUserId).
     */
    @POST
    @Path("/accessTokens/sdk")
    public String sdkAccessToken(byte[] body) {
        SumsubApp app = authenticate("POST", body);
        JsonNode request = json(body);
        return accessToken(
                app,
                request.path("userId").asText(""),
                request.path("levelName").asText(""),
                ttl(request.path("ttlInSecs").asText(null), config.accessTokenTtl()));
    }

    /** The older form: {@code POST /resources/accessTokens?userId=…&levelName=…&ttlInSecs=…}. */
    @POST
    @Path("/accessTokens")
    public String accessToken(byte[] body) {
        SumsubApp app = authenticate("POST", body);
        var query = uri.getQueryParameters();
        return accessToken(
                app,
                orEmpty(query.getFirst("userId")),
                orEmpty(query.getFirst("levelName")),
                ttl(query.getFirst("ttlInSecs"), config.accessTokenTtl()));
    }

    /**
     * A WebSDK link (permalink) for the applicant: {@code POST /resources/sdkIntegrations/levels/-/websdkLink},
     * body {@code {levelName, userId, ttlInSecs?}}, or the level in the path and {@code externalUserId},
     * {@code ttlInSecs} in the query. Answers {@code {url}}: the WebSDK's hosted page for that applicant.
     */
    @POST
    @Path("/sdkIntegrations/levels/{levelName}/websdkLink")
    public String websdkLink(@PathParam("levelName") String pathLevel, byte[] body) {
        SumsubApp app = authenticate("POST", body);
        var query = uri.getQueryParameters();
        boolean inBody = "-".equals(pathLevel);
        JsonNode request = inBody ? json(body) : SumsubError.JSON.createObjectNode();
        String levelName = inBody ? request.path("levelName").asText("") : pathLevel;
        String userId = inBody
                ? request.path("userId").asText(request.path("externalUserId").asText(""))
                : orEmpty(query.getFirst("externalUserId"));
        String ttl = inBody ? request.path("ttlInSecs").asText(null) : query.getFirst("ttlInSecs");
        if (userId.isBlank() || levelName.isBlank()) {
            throw new SumsubError(400, "userId and levelName are required");
        }
        String id = sandbox.tokens().link(app, userId, levelName, ttl(ttl, config.websdkLinkTtl()));
        return SumsubError.JSON
                .createObjectNode()
                .put("url", webSdkOrigin.of(uri.getBaseUri()) + "/websdk/p/" + id)
                .toString();
    }

    private String accessToken(SumsubApp app, String userId, String levelName, Duration ttl) {
        if (userId.isBlank() || levelName.isBlank()) {
            throw new SumsubError(400, "userId and levelName are required");
        }
        ObjectNode answer = SumsubError.JSON.createObjectNode();
        answer.put("token", sandbox.tokens().mint(app, userId, levelName, ttl, webSdkOrigin.of(uri.getBaseUri())));
        answer.put("userId", userId);
        return answer.toString();
    }

    /** {@code ttlInSecs}: a positive number of seconds, or the default when absent. */
    private static Duration ttl(String seconds, Duration otherwise) {
        if (seconds == null || seconds.isBlank()) {
            return otherwise;
        }
        try {
            long value = Long.parseLong(seconds);
            if (value > 0) {
                return Duration.ofSeconds(value);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new SumsubError(400, "ttlInSecs must be a positive number of seconds");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private SumsubApp authenticate(String method, byte[] body) {
        // The request line as sent (JAX-RS' request URI drops matrix parameters such as ;externalUserId=…), after
        // the Sumsub port's reroute. The signed path is the one at Sumsub's origin: without the /sumsub prefix.
        String sent = request.uri();
        String atOrigin = sent.startsWith(PREFIX + "/") ? sent.substring(PREFIX.length()) : sent;
        return sandbox.authenticate(
                headers.getHeaderString("X-App-Token"),
                headers.getHeaderString("X-App-Access-Ts"),
                headers.getHeaderString("X-App-Access-Sig"),
                method,
                atOrigin,
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
