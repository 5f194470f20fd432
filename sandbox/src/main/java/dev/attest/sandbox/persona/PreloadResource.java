package dev.attest.sandbox.persona;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What {@code Persona.Client.preload(host)} loads in a hidden frame to warm the cache: an empty page. */
@Path("/preload")
@Tag(name = "Persona sandbox")
public class PreloadResource {

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response preload() {
        return FlowPages.preload();
    }
}
