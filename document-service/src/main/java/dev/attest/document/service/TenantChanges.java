package dev.attest.document.service;

import dev.attest.common.tenant.OrganizationErasure.Erasure;
import dev.attest.common.tenant.TenantEvent;
import dev.attest.common.work.Workers;
import dev.attest.contracts.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * What document-service does when the gateway changes a tenant (issue 20, docs/administration.md).
 *
 * <ul>
 *   <li>An organization or project updated (reactivated, perhaps): storage is woken, so documents that waited while
 *       it was suspended go to Arweave at once rather than at the worker's next interval.
 *   <li>An organization deleted: common's {@code OrganizationErasure} runs the statements produced here. The wrapped
 *       data keys go (every grant: without them no one, the service included, can open the organization's
 *       documents, whose ciphertext on Arweave is permanent and stays), with the ciphertext still held here for
 *       documents not yet confirmed on Arweave, the registered public keys and the projects' requirements. Cases,
 *       documents' metadata, decisions and the release log are kept: references and hashes, no personal data. A
 *       document not on Arweave yet has failed (it has nothing left to store).
 * </ul>
 */
@ApplicationScoped
class TenantChanges {
    private static final Set<String> UPDATES =
            Set.of(EventTypes.Tenant.ORGANIZATION_UPDATED, EventTypes.Tenant.PROJECT_UPDATED);

    private final Workers workers;

    TenantChanges(Workers workers) {
        this.workers = workers;
    }

    void onTenantEvent(@Observes TenantEvent tenantEvent) {
        if (UPDATES.contains(tenantEvent.event().type())) {
            workers.wakeAfterCommit(ArweaveStorage.NAME);
        }
    }

    @Produces
    @Singleton
    Erasure keyGrants() {
        return new Erasure("key_grant", "delete from key_grant where org_id = ?");
    }

    @Produces
    @Singleton
    Erasure ciphertexts() {
        return new Erasure(
                "document_ciphertext",
                "delete from document_ciphertext where document_id in (select id from document where org_id = ?)");
    }

    /** Documents not on Arweave yet lost their ciphertext above: they will never be stored. */
    @Produces
    @Singleton
    Erasure unstoredDocuments() {
        return new Erasure(
                "document (not stored: failed)",
                "update document set state = 'failed', next_attempt_at = null, last_error = 'organization deleted',"
                        + " updated_at = now() where org_id = ? and state in ('uploading', 'received')");
    }

    @Produces
    @Singleton
    Erasure partyKeys() {
        return new Erasure("party_key", "delete from party_key where org_id = ?");
    }

    @Produces
    @Singleton
    Erasure requirements() {
        return new Erasure("document_requirement", "delete from document_requirement where org_id = ?");
    }
}
