package dev.attest.common.testapp;

import dev.attest.common.audit.AuditChanges;
import dev.attest.common.audit.AuditEntry;
import dev.attest.common.audit.AuditTrail;
import dev.attest.common.security.Caller;
import dev.attest.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;

/** An admin changing settings with a secret among them, recorded as a service records it (the audit tests). */
@Path("/test/orgs/{org}/audited-settings")
public class AuditedSettingsResource {
    private final Caller caller;
    private final AuditTrail audit;

    AuditedSettingsResource(Caller caller, AuditTrail audit) {
        this.caller = caller;
        this.audit = audit;
    }

    /** The settings as they "were": a name and a secret. */
    public record Settings(String name, String apiSecret) {}

    @PUT
    @RolesAllowed(Roles.ORG_ADMIN)
    @Transactional
    public Map<String, Long> put(@PathParam("org") String org, Settings settings) {
        String orgId = caller.ownOrg(org);
        long seq = audit.record(AuditEntry.of("test-settings.updated", orgId, "test-settings", orgId)
                .withChanges(AuditChanges.of(new Settings("before", "old-secret-value"), settings, "api_secret")));
        return Map.of("seq", seq);
    }
}
