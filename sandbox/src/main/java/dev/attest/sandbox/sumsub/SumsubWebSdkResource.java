package dev.attest.sandbox.sumsub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the official WebSDK (npm {@code @sumsub/websdk} 2.9.0, unmodified) loads from its base URL, the Sumsub
 * port's origin: {@code /websdk/websdk.html?_=<frame id>} in its iframe (here under {@code /sumsub/websdk}, which
 * the Sumsub port serves at {@code /websdk}). The page speaks the SDK's postMessage protocol and runs the
 * applicant's level steps against the calls below, authenticated by the access token in {@code X-Access-Token}.
 * Those calls are the sandbox's own: the real WebSDK's internal API is not documented. The same page at
 * {@code /websdk/p/{id}} is a WebSDK link's hosted flow (no SDK, no parent).
 */
@Path("/sumsub/websdk")
@Blocking
@Tag(name = "Sumsub")
public class SumsubWebSdkResource {
    private static final String PAGE = page();
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");
    /** Sumsub's image ids are numbers; they only need to be distinct here. */
    private static final AtomicInteger IMAGE_IDS = new AtomicInteger(1_000_000);

    private final SumsubSandbox sandbox;
    private final WebSdkOrigin webSdkOrigin;

    @Context
    UriInfo uri;

    SumsubWebSdkResource(SumsubSandbox sandbox, WebSdkOrigin webSdkOrigin) {
        this.sandbox = sandbox;
        this.webSdkOrigin = webSdkOrigin;
    }

    /**
     * The SDK's frame. It holds nothing secret: the access token arrives by the SDK's {@code idCheck.init}
     * message. Any page may frame it, as the token is what opens an applicant (Sumsub's docs that we read name
     * no list of origins allowed to embed the WebSDK).
     */
    @GET
    @Path("/websdk.html")
    @Produces(MediaType.TEXT_HTML)
    public Response frame() {
        return html(200, "{}");
    }

    /** A WebSDK link's page: the flow for the link's applicant, with an access token that lives as long as the link. */
    @GET
    @Path("/p/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response link(@PathParam("id") String id) {
        SumsubAccessTokens tokens = sandbox.tokens();
        SumsubAccessTokens.Check check = tokens.link(id);
        switch (check.state()) {
            case UNKNOWN:
                return notice(404, "This verification link is not valid.");
            case EXPIRED:
                return notice(410, "This verification link has expired.");
            default:
                SumsubAccessTokens.Grant grant = check.grant();
                String token = tokens.mint(
                        sandbox.app(grant.appToken()),
                        grant.userId(),
                        grant.levelName(),
                        tokens.remaining(grant),
                        webSdkOrigin.of(uri.getBaseUri()));
                return html(
                        200,
                        SumsubError.JSON
                                .createObjectNode()
                                .put("accessToken", token)
                                .toString());
        }
    }

    /**
     * Opens the flow: the token's applicant (created, a person, when it has none at the level, as Sumsub's
     * WebSDK does), its level's steps and its status. {@code {applicantId, levelName, type, steps:
     * [{idDocSetType, types, completed}], status}}.
     */
    @POST
    @Path("/api/init")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String init(@HeaderParam("X-Access-Token") String token) {
        Applicant applicant = applicant(token);
        ObjectNode answer = SumsubError.JSON.createObjectNode();
        answer.put("applicantId", applicant.id);
        answer.put("levelName", applicant.levelName);
        answer.put("type", applicant.type);
        ArrayNode steps = answer.putArray("steps");
        for (Applicant.Step step : applicant.steps()) {
            ObjectNode node = steps.addObject();
            node.put("idDocSetType", step.idDocSetType());
            step.types().forEach(node.putArray("types")::add);
            node.put("completed", applicant.completed(step.idDocSetType()));
        }
        answer.set("status", applicant.sdkStatus());
        return answer.toString();
    }

    /**
     * A step's document: the file is the body, any bytes (nothing is read from it), {@code idDocType} one of the
     * step's types, {@code country} ISO 3166-1 alpha-3 (optional). {@code {imageId, idDocSetType, idDocType,
     * country?}}.
     */
    @POST
    @Path("/api/steps/{idDocSetType}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String upload(
            @HeaderParam("X-Access-Token") String token,
            @PathParam("idDocSetType") String idDocSetType,
            @QueryParam("idDocType") String idDocType,
            @QueryParam("country") String country,
            byte[] file) {
        Applicant applicant = applicant(token);
        Applicant.Step step = applicant
                .step(idDocSetType)
                .orElseThrow(() -> new SumsubError(400, "The level has no step " + idDocSetType));
        if (idDocType == null || !step.types().contains(idDocType)) {
            throw new SumsubError(400, "idDocType must be one of " + step.types());
        }
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw new SumsubError(400, "country must be an ISO 3166-1 alpha-3 code");
        }
        if (file == null || file.length == 0) {
            throw new SumsubError(400, "The file is empty");
        }
        if (!applicant.pendingFirst()) {
            throw new SumsubError(409, "Documents can be added only before the applicant is submitted");
        }
        int imageId = IMAGE_IDS.incrementAndGet();
        applicant.upload(idDocSetType, new Applicant.Document(imageId, idDocType, country, file.length));
        ObjectNode answer = SumsubError.JSON.createObjectNode();
        answer.put("imageId", imageId);
        answer.put("idDocSetType", idDocSetType);
        answer.put("idDocType", idDocType);
        if (country != null) {
            answer.put("country", country);
        }
        return answer.toString();
    }

    /** Submits the applicant once every step has its document: {@code pending} and {@code applicantPending}. */
    @POST
    @Path("/api/submit")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String submit(@HeaderParam("X-Access-Token") String token) {
        Applicant applicant = applicant(token);
        sandbox.submit(applicant);
        return applicant.sdkStatus().toString();
    }

    /** The applicant's status as the SDK reports it ({@code idCheck.onApplicantStatusChanged}). */
    @GET
    @Path("/api/status")
    @Produces(MediaType.APPLICATION_JSON)
    public String status(@HeaderParam("X-Access-Token") String token) {
        return applicant(token).sdkStatus().toString();
    }

    /** The token's applicant, or 401: the page then asks the SDK for a new token ({@code invalid-token}). */
    private Applicant applicant(String token) {
        SumsubAccessTokens.Check check = sandbox.tokens().token(token);
        switch (check.state()) {
            case UNKNOWN:
                throw new SumsubError(401, "Access token is not valid");
            case EXPIRED:
                throw new SumsubError(401, "Access token has expired");
            default:
                return sandbox.forWebSdk(check.grant());
        }
    }

    private static Response html(int status, String configJson) {
        // The configuration sits in a JSON script element: "<" is escaped so that no value can close it.
        String page = PAGE.replace("__CONFIG__", configJson.replace("<", "\\u003c"));
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .entity(page)
                .build();
    }

    private static Response notice(int status, String text) {
        String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Verification</title>"
                + "</head><body><main><h1>Verification</h1><p id=\"notice\">" + text + "</p></main></body></html>";
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Cache-Control", "no-store")
                .entity(page)
                .build();
    }

    private static String page() {
        try (InputStream in = SumsubWebSdkResource.class.getResourceAsStream("websdk.html")) {
            if (in == null) {
                throw new IllegalStateException("websdk.html is missing from the sandbox jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
