package dev.attest.identity.repository;

import dev.attest.common.tenant.Tenants;
import dev.attest.identity.Claim;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ClaimRepository implements PanacheRepositoryBase<Claim, UUID> {

    public List<Claim> ofIdentity(UUID identityId) {
        return list("identityId = ?1 order by topic", identityId);
    }

    public List<Claim> ofUser(String orgId, String userId) {
        return list("orgId = ?1 and userId = ?2 order by topic", orgId, userId);
    }

    /** The user's claims, locked until the transaction ends: the worker and the consumers change them. */
    public List<Claim> ofUserLocked(String orgId, String userId) {
        return find("orgId = ?1 and userId = ?2 order by topic", orgId, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    public Claim findLocked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Claims with an on-chain step to send (add or revoke) whose identity is ready, none in flight. A claim to add
     * waits while its organization is suspended (issue 20); a revocation never waits: it withdraws trust.
     */
    @SuppressWarnings("unchecked")
    public List<Claim> awaitingTransaction(int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select c.* from claims c join identities i on i.id = c.identity_id"
                                + " where c.pending_tx_id is null and i.step = 'READY' and (c.status = 'REVOKING'"
                                + " or (c.status = 'ISSUING' and "
                                + Tenants.notSuspendedSql("i.org_id", null)
                                + ")) order by c.created_at limit ?1",
                        Claim.class)
                .setParameter(1, limit)
                .getResultList();
    }

    /**
     * The claims waiting for {@code txId} (all of an identity's first claims share its onboarding transaction),
     * locked until the transaction ends.
     */
    public List<Claim> waitingFor(UUID txId) {
        return find("pendingTxId = ?1 order by topic", txId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }
}
