package dev.attest.identity.repository;

import dev.attest.common.tenant.Tenants;
import dev.attest.identity.Identity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IdentityRepository implements PanacheRepositoryBase<Identity, UUID> {

    public Optional<Identity> findByUser(String orgId, String userId) {
        return find("orgId = ?1 and userId = ?2", orgId, userId).firstResultOptional();
    }

    /** The identity (not failed) created with {@code address} as its first wallet, in any letter case. */
    public Optional<Identity> findByWallet(String address) {
        return find(
                        "lower(walletAddress) = ?1 and step <> ?2",
                        address.toLowerCase(java.util.Locale.ROOT),
                        Identity.Step.FAILED)
                .firstResultOptional();
    }

    /**
     * Identities whose onboarding transaction can be sent: none in flight, and the organization not suspended (issue
     * 20: no gas is spent for a suspended organization; its identities wait, in order, until it is reactivated).
     */
    @SuppressWarnings("unchecked")
    public List<Identity> awaitingOnboarding(int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "select i.* from identities i where i.step = 'DEPLOY' and i.pending_tx_id is null and "
                                + Tenants.notSuspendedSql("i.org_id", null)
                                + " order by i.created_at limit ?1",
                        Identity.class)
                .setParameter(1, limit)
                .getResultList();
    }

    public Optional<Identity> findByPendingTx(UUID txId) {
        return find("pendingTxId", txId).firstResultOptional();
    }
}
