package dev.attest.compliance.rest;

import dev.attest.compliance.service.OrganizationNames;
import dev.attest.compliance.service.PersonaWebhookIntake;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Persona's webhook receiver. No gateway token: the {@code Persona-Signature} over the raw bytes is the
 * authentication. The body is taken as bytes and never re-serialized before it is verified.
 */
@Path("/webhooks/persona")
public class PersonaWebhookResource {
    private final PersonaWebhookIntake intake;
    private final OrganizationNames names;

    PersonaWebhookResource(PersonaWebhookIntake intake, OrganizationNames names) {
        this.intake = intake;
        this.names = names;
    }

    public record Acknowledged(String status) {}

    @POST
    @Path("/inquiry")
    @Consumes(MediaType.WILDCARD)
    public Acknowledged defaultOrganization(@HeaderParam("Persona-Signature") String signature, byte[] body) {
        return acknowledge(intake.receiveForDefaultOrg(signature, body));
    }

    @POST
    @Path("/{org}")
    @Consumes(MediaType.WILDCARD)
    public Acknowledged organization(
            @PathParam("org") String org, @HeaderParam("Persona-Signature") String signature, byte[] body) {
        return acknowledge(intake.receiveForPath(org, signature, body));
    }

    @GET
    @Path("/health")
    public Map<String, Object> health() {
        return Map.of(
                "status", "UP", "default_organization", names.defaultOrgId().isPresent());
    }

    private static Acknowledged acknowledge(PersonaWebhookIntake.Receipt receipt) {
        return new Acknowledged(receipt.name().toLowerCase());
    }
}
