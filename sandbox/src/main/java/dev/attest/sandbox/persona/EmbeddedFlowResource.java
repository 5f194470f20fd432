package dev.attest.sandbox.persona;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The verification flow in the frame of Persona's official JavaScript SDK (npm {@code persona} 5.9.0,
 * unmodified): {@code new Persona.Client({inquiryId, sessionToken, customHost: 'localhost:8090', …})} loads
 * {@code http://localhost:8090/widget?inquiry-id=…&session-token=…&iframe-origin=…&container-id=…}. At the root
 * of the sandbox, not under {@code /persona}, because the SDK takes a bare host and appends {@code /widget}
 * (and {@code /preload}) to it. The same pages and the same steps as the session link
 * ({@link HostedFlowResource}), plus the SDK's messages ({@link SdkEmbedding}).
 */
@Path("/widget")
@Blocking
@Tag(name = "Persona sandbox")
public class EmbeddedFlowResource {
    private static final String ACTIONS = "/widget";

    private final PersonaSandbox sandbox;

    EmbeddedFlowResource(PersonaSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** What the SDK's iframe loads: opening it starts the inquiry, as the session link does. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response open(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Optional<SdkEmbedding> embedding = SdkEmbedding.from(query);
        if (embedding.isEmpty()) {
            return FlowPages.notEmbeddable();
        }
        String inquiryId = query.getFirst("inquiry-id");
        String sessionToken = query.getFirst("session-token");
        Optional<Inquiry> session = sandbox.session(inquiryId, sessionToken);
        if (session.isEmpty()) {
            return FlowPages.invalidSession(embedding, true);
        }
        boolean started = sandbox.start(session.get());
        return FlowPages.choices(ACTIONS, inquiryId, sessionToken, embedding, started);
    }

    /** The page's buttons: the session and the embedding come back as form fields. */
    @POST
    @Path("/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response act(@PathParam("action") String action, MultivaluedMap<String, String> form) {
        Optional<SdkEmbedding> embedding = SdkEmbedding.from(form);
        if (embedding.isEmpty()) {
            return FlowPages.notEmbeddable();
        }
        FlowOutcome outcome = sandbox.act(form.getFirst("inquiry-id"), form.getFirst("session-token"), action);
        return FlowPages.outcome(outcome, embedding);
    }
}
