package dev.attest.sandbox.persona;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
 * The hosted verification page at the session link ({@code /persona/verify?inquiry-id=…&session-token=…}):
 * opening it starts the inquiry; its buttons complete it, fail it or abandon it. A test drives it with
 * the same form posts a person's browser sends. A one-time link ({@code /persona/verify?code=…}) opens it too.
 * The same flow in the SDK's frame: {@link EmbeddedFlowResource}.
 */
@Path("/persona/verify")
@Blocking
@Tag(name = "Persona sandbox")
public class HostedFlowResource {
    private final PersonaSandbox sandbox;

    HostedFlowResource(PersonaSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response open(
            @QueryParam("inquiry-id") String inquiryId,
            @QueryParam("session-token") String sessionToken,
            @QueryParam("code") String oneTimeCode) {
        // A one-time link (?code=…) opens its inquiry with a session of its own, once.
        Optional<Inquiry> session =
                oneTimeCode != null ? sandbox.redeem(oneTimeCode) : sandbox.session(inquiryId, sessionToken);
        if (session.isEmpty()) {
            return FlowPages.invalidSession(Optional.empty(), true);
        }
        Inquiry inquiry = session.get();
        sandbox.start(inquiry);
        return FlowPages.choices("/persona/verify", inquiry.id, inquiry.sessionToken, Optional.empty(), false);
    }

    @POST
    @Path("/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response act(
            @PathParam("action") String action,
            @FormParam("inquiry-id") String inquiryId,
            @FormParam("session-token") String sessionToken) {
        return FlowPages.outcome(sandbox.act(inquiryId, sessionToken, action), Optional.empty());
    }
}
