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
 * the same form posts a person's browser sends.
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
    public Response open(@QueryParam("inquiry-id") String inquiryId, @QueryParam("session-token") String sessionToken) {
        Optional<Inquiry> session = sandbox.session(inquiryId, sessionToken);
        if (session.isEmpty()) {
            return page(404, "Link not valid", "<p>This verification link is not valid or has expired.</p>");
        }
        sandbox.start(session.get());
        String form = "<form method=\"post\" action=\"/persona/verify/%s\">"
                + "<input type=\"hidden\" name=\"inquiry-id\" value=\"" + escape(inquiryId) + "\">"
                + "<input type=\"hidden\" name=\"session-token\" value=\"" + escape(sessionToken) + "\">"
                + "<button type=\"submit\" id=\"%s\">%s</button></form>";
        return page(
                200,
                "Verify your identity",
                "<p>Persona sandbox: choose what the verification does.</p>"
                        + String.format(form, "complete", "complete", "Complete verification")
                        + String.format(form, "fail", "fail", "Fail verification")
                        + String.format(form, "abandon", "abandon", "Leave without finishing"));
    }

    @POST
    @Path("/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response act(
            @PathParam("action") String action,
            @FormParam("inquiry-id") String inquiryId,
            @FormParam("session-token") String sessionToken) {
        Optional<Inquiry> session = sandbox.session(inquiryId, sessionToken);
        if (session.isEmpty()) {
            return page(404, "Link not valid", "<p>This verification link is not valid or has expired.</p>");
        }
        return switch (action) {
            case "complete" -> sandbox.complete(session.get())
                    ? page(
                            200,
                            "Verification submitted",
                            "<p id=\"done\">Thank you: your verification was submitted.</p>")
                    : page(409, "Not possible", "<p>This verification cannot be completed now.</p>");
            case "fail" -> sandbox.fail(session.get())
                    ? page(200, "Verification failed", "<p id=\"failed\">The verification could not be completed.</p>")
                    : page(409, "Not possible", "<p>This verification cannot be failed now.</p>");
            case "abandon" -> page(200, "You left", "<p id=\"abandoned\">You can come back with the same link.</p>");
            default -> page(404, "Not found", "<p>Unknown action.</p>");
        };
    }

    private static Response page(int status, String title, String body) {
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><h1>"
                + title + "</h1>" + body + "</body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML).entity(html).build();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
