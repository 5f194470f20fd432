package dev.attest.compliance.rest;

import dev.attest.common.security.Roles;
import dev.attest.compliance.service.PersonaWebhookInspection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;

/** Refused Persona deliveries whose path named no organization this service knows: platform admins only. */
@Path("/platform/persona/webhooks/refusals")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class PlatformPersonaWebhookResource {
    private final PersonaWebhookInspection inspection;

    PlatformPersonaWebhookResource(PersonaWebhookInspection inspection) {
        this.inspection = inspection;
    }

    @GET
    public PersonaWebhookAdminResource.PageView<PersonaWebhookAdminResource.RefusalView> refusals(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return PersonaWebhookAdminResource.PageView.of(
                inspection.refusals(Optional.empty(), page, size), PersonaWebhookAdminResource.RefusalView::of);
    }
}
