package dev.attest.gateway.monitoring;

import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.service.TenantAccess;
import java.util.UUID;

/** The ids in the incidents' paths and filters: a malformed one is answered as one that does not exist. */
final class IncidentIds {
    private IncidentIds() {}

    static UUID incident(String id) {
        return TenantAccess.parseUuid(id).orElseThrow(() -> ProblemException.notFound("Incident " + id));
    }

    static UUID action(String id) {
        return TenantAccess.parseUuid(id).orElseThrow(() -> ProblemException.notFound("Action " + id));
    }

    static UUID organization(String id) {
        return TenantAccess.parseUuid(id)
                .orElseThrow(() -> ProblemException.badRequest("invalid-org", "org is an organization's id."));
    }
}
