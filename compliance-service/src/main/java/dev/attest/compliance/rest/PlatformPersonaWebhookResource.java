package dev.attest.compliance.rest;

import dev.attest.common.paging.PageRequest;
import dev.attest.common.security.Roles;
import dev.attest.compliance.service.PersonaWebhookInspection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
            @Valid @BeanParam PageRequest paging) {
        return PersonaWebhookAdminResource.PageView.of(
                inspection.refusals(Optional.empty(), paging.page, paging.size),
                PersonaWebhookAdminResource.RefusalView::of);
    }
}
