package dev.attest.compliance.rest;

import dev.attest.common.paging.PageRequest;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import dev.attest.compliance.PersonaWebhook;
import dev.attest.compliance.PersonaWebhookRefusal;
import dev.attest.compliance.service.PersonaWebhookInspection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Persona webhooks of the organization that need a look: kept aside (unmatched, failed) and refused for
 * their signature. Paged, newest first.
 */
@Path("/orgs/{org}/integrations/persona/webhooks")
@RolesAllowed(Roles.ORG_ADMIN)
public class PersonaWebhookAdminResource {
    private final PersonaWebhookInspection inspection;
    private final Caller caller;

    PersonaWebhookAdminResource(PersonaWebhookInspection inspection, Caller caller) {
        this.caller = caller;
        this.inspection = inspection;
    }

    public record PageView<T>(List<T> items, int page, int size, long total) {
        static <E, T> PageView<T> of(PersonaWebhookInspection.Page<E> page, Function<E, T> view) {
            return new PageView<>(page.items().stream().map(view).toList(), page.page(), page.size(), page.total());
        }
    }

    /** Ids and states only: the payload is never kept. */
    public record WebhookView(
            String eventId,
            String name,
            String inquiryId,
            String referenceId,
            String inquiryStatus,
            String state,
            OffsetDateTime eventCreatedAt,
            OffsetDateTime receivedAt,
            OffsetDateTime processedAt,
            int attempts,
            String lastError) {

        static WebhookView of(PersonaWebhook webhook) {
            return new WebhookView(
                    webhook.eventId,
                    webhook.name,
                    webhook.inquiryId,
                    webhook.referenceId,
                    webhook.inquiryStatus,
                    webhook.state,
                    webhook.eventCreatedAt,
                    webhook.receivedAt,
                    webhook.processedAt,
                    webhook.attempts,
                    webhook.lastError);
        }
    }

    public record RefusalView(String pathOrg, String reason, int bodyBytes, OffsetDateTime receivedAt) {
        static RefusalView of(PersonaWebhookRefusal refusal) {
            return new RefusalView(refusal.pathOrg, refusal.reason, refusal.bodyBytes, refusal.receivedAt);
        }
    }

    @GET
    public PageView<WebhookView> keptAside(
            @PathParam("org") String org,
            @QueryParam("state") @Pattern(regexp = "unmatched|failed") String state,
            @Valid @BeanParam PageRequest paging) {
        String orgId = caller.ownOrg(org);
        return PageView.of(
                inspection.keptAside(orgId, Optional.ofNullable(state), paging.page, paging.size), WebhookView::of);
    }

    @GET
    @Path("/refusals")
    public PageView<RefusalView> refusals(@PathParam("org") String org, @Valid @BeanParam PageRequest paging) {
        String orgId = caller.ownOrg(org);
        return PageView.of(inspection.refusals(Optional.of(orgId), paging.page, paging.size), RefusalView::of);
    }
}
