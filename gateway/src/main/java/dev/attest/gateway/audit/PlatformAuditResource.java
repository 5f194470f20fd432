package dev.attest.gateway.audit;

import dev.attest.common.security.Roles;
import dev.attest.gateway.rest.SignedInUser;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.service.TenantAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Every organization's audit trail, and the platform's own entries, for platform admins: {@code GET /platform/audit}
 * and {@code /platform/audit/export?format=csv}, with the organization routes' filters and an optional {@code org}
 * (id or slug).
 */
@Path("/platform/audit")
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class PlatformAuditResource {
    private final AuditStore store;
    private final TenantAccess access;
    private final SignedInUser user;
    private final GatewayAudit audit;

    PlatformAuditResource(AuditStore store, TenantAccess access, SignedInUser user, GatewayAudit audit) {
        this.store = store;
        this.access = access;
        this.user = user;
        this.audit = audit;
    }

    @GET
    public AuditStore.Page search(
            @Parameter(description = "one organization (id or slug); none: all") @QueryParam("org") String org,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("target") String target,
            @QueryParam("service") String service,
            @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("page_token") String pageToken) {
        EdgeCaller caller = user.get();
        UUID orgId = orgOf(caller, org);
        return store.search(
                AuditResource.filter(orgId == null ? null : orgId.toString(), from, to, actor, action, target, service),
                AuditResource.limit(limit),
                AuditResource.text("page_token", pageToken));
    }

    @GET
    @Path("/export")
    public Response export(
            @QueryParam("format") @DefaultValue("csv") String format,
            @QueryParam("org") String org,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("target") String target,
            @QueryParam("service") String service) {
        EdgeCaller caller = user.get();
        UUID orgId = orgOf(caller, org);
        AuditStore.Filter filter =
                AuditResource.filter(orgId == null ? null : orgId.toString(), from, to, actor, action, target, service);
        return AuditResource.csv(store, audit, caller, caller.realmRoles(), orgId, format, filter, "audit-platform");
    }

    private UUID orgOf(EdgeCaller caller, String org) {
        String ref = AuditResource.text("org", org);
        return ref == null ? null : access.require(caller, ref).org().id;
    }
}
