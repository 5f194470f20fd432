package dev.attest.identity.messaging;

import dev.attest.common.tenant.TenantEvent;
import dev.attest.common.work.Workers;
import dev.attest.contracts.EventTypes;
import dev.attest.identity.service.IssuanceWorker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Wakes issuance when an organization changes (the tenant replica has just applied it in this transaction): a
 * reactivated organization's identities, which waited while it was suspended, go out at once rather than at the
 * worker's next interval.
 */
@ApplicationScoped
class OrganizationChanges {
    private final Workers workers;

    OrganizationChanges(Workers workers) {
        this.workers = workers;
    }

    void onTenantEvent(@Observes TenantEvent tenantEvent) {
        if (EventTypes.Tenant.ORGANIZATION_UPDATED.equals(tenantEvent.event().type())) {
            workers.wakeAfterCommit(IssuanceWorker.NAME);
        }
    }
}
