package dev.attest.gateway.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.gateway.proxy.PublicApiDocument;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The OpenAPI document of the whole public API (the gateway's own is at /q/openapi). */
@Path("/openapi.json")
public class PublicApiResource {
    private final PublicApiDocument document;

    PublicApiResource(PublicApiDocument document) {
        this.document = document;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public ObjectNode get(@Context UriInfo uri) {
        return document.build(uri.getBaseUri());
    }
}
