package dev.attest.compliance.rest;

import dev.attest.compliance.service.SumsubWebhookIntake;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * Sumsub's webhook receiver, one URL per organization ({@code {org}}: its id or slug). No gateway token: the {@code
 * X-Payload-Digest} over the raw bytes is the authentication; the body is taken as bytes and never re-serialized first.
 */
@Path("/webhooks/sumsub")
public class SumsubWebhookResource {
    private final SumsubWebhookIntake intake;

    SumsubWebhookResource(SumsubWebhookIntake intake) {
        this.intake = intake;
    }

    @POST
    @Path("/{org}")
    @Consumes(MediaType.WILDCARD)
    public PersonaWebhookResource.Acknowledged organization(
            @PathParam("org") String org,
            @HeaderParam("X-Payload-Digest") String digest,
            @HeaderParam("X-Payload-Digest-Alg") String digestAlg,
            byte[] body) {
        return new PersonaWebhookResource.Acknowledged(
                intake.receive(org, digest, digestAlg, body).name().toLowerCase(Locale.ROOT));
    }
}
