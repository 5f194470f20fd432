package dev.attest.wallet.repository;

import dev.attest.wallet.Transfer;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TransferRepository implements PanacheRepositoryBase<Transfer, UUID> {

    public Optional<Transfer> findByIdempotencyKey(String orgId, String userId, String key) {
        return find("orgId = ?1 and userId = ?2 and idempotencyKey = ?3", orgId, userId, key)
                .firstResultOptional();
    }

    /**
     * The org's transfer that Dfns reports, locked for this transaction: the one with Dfns's id, or, while
     * Dfns's answer to the create is not recorded yet (its webhooks can arrive first), the one whose own id
     * Dfns carries as the external id.
     */
    public Optional<Transfer> lockReported(String orgId, String providerTransferId, Optional<UUID> ownId) {
        if (ownId.isEmpty()) {
            return find("orgId = ?1 and providerTransferId = ?2", orgId, providerTransferId)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .firstResultOptional();
        }
        // One statement: if the create's answer commits while this waits for the row, the row is checked
        // again as it then is and still matches by Dfns's id.
        return find(
                        "orgId = ?1 and (providerTransferId = ?2 or (id = ?3 and providerTransferId is null))",
                        orgId,
                        providerTransferId,
                        ownId.get())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /**
     * Sum of the user's transfers of one asset since {@code since} that did not fail or get rejected: native ones
     * when {@code contract} is empty, else those of the token at {@code contract} (any letter case).
     */
    public BigDecimal spentSince(String orgId, String userId, Optional<String> contract, Instant since) {
        String asset = contract.isPresent() ? "t.kind = 'erc20' and lower(t.contract) = ?4" : "t.kind = 'native'";
        var query = getEntityManager()
                .createQuery(
                        "select coalesce(sum(t.amount), 0) from Transfer t where t.orgId = ?1 and t.userId = ?2"
                                + " and t.createdAt >= ?3 and t.status not in ('failed', 'rejected') and " + asset,
                        BigDecimal.class)
                .setParameter(1, orgId)
                .setParameter(2, userId)
                .setParameter(3, since);
        contract.ifPresent(address -> query.setParameter(4, address.toLowerCase(Locale.ROOT)));
        BigDecimal sum = query.getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** How many transfers (any asset) the user requested since {@code since} that did not fail or get rejected. */
    public long countSince(String orgId, String userId, Instant since) {
        return count(
                "orgId = ?1 and userId = ?2 and createdAt >= ?3 and status not in ('failed', 'rejected')",
                orgId,
                userId,
                since);
    }

    /**
     * Transfers not final and not touched since {@code before}: the polling fallback's work. Those awaiting
     * an admin's approval are not Dfns's business yet.
     */
    public List<Transfer> openSince(Instant before, int limit) {
        return find(
                        "sponsored = false and status not in ('confirmed', 'failed', 'rejected', ?1) and updatedAt <= ?2"
                                + " order by updatedAt",
                        Transfer.AWAITING_APPROVAL,
                        before)
                .page(0, limit)
                .list();
    }

    /** The org's transfers awaiting an admin's approval, oldest first. */
    public List<Transfer> awaitingApproval(String orgId, int limit) {
        return find("orgId = ?1 and status = ?2 order by createdAt, id", orgId, Transfer.AWAITING_APPROVAL)
                .page(0, limit)
                .list();
    }

    /** The org's transfer {@code id}, locked for this transaction (an approval decision). */
    public Optional<Transfer> lockInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** The org's transfers Dfns knows by {@code providerIds}, or that have one of {@code ids}. */
    public List<Transfer> byProviderOrOwnIds(String orgId, Collection<String> providerIds, Collection<UUID> ids) {
        if (providerIds.isEmpty() && ids.isEmpty()) {
            return List.of();
        }
        // An empty "in ()" is not valid everywhere: a list that cannot match stands in for it.
        return list(
                "orgId = ?1 and (providerTransferId in ?2 or id in ?3)",
                orgId,
                providerIds.isEmpty() ? List.of("") : providerIds,
                ids.isEmpty() ? List.of(new UUID(0, 0)) : ids);
    }

    /** A page of the wallet's transfers, newest first, after the transfer {@code after} (keyset paging). */
    public List<Transfer> pageOfWallet(UUID walletId, Optional<Transfer> after, int limit) {
        return after.map(last -> find(
                                "walletId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3))"
                                        + " order by createdAt desc, id desc",
                                walletId,
                                last.createdAt,
                                last.id)
                        .page(0, limit)
                        .list())
                .orElseGet(() -> find("walletId = ?1 order by createdAt desc, id desc", walletId)
                        .page(0, limit)
                        .list());
    }

    public long countForWallet(UUID walletId) {
        return count("walletId", walletId);
    }

    /** Sponsored transfers still open (stored or sent, not settled), oldest change first. */
    public List<Transfer> openSponsored(int limit) {
        return find("sponsored = true and status in (?1, 'broadcasted') order by updatedAt", Transfer.REQUESTED)
                .page(0, limit)
                .list();
    }
}
