package dev.attest.wallet.repository;

import dev.attest.wallet.Wallet;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WalletRepository implements PanacheRepositoryBase<Wallet, UUID> {

    public Optional<Wallet> findByUser(String orgId, String userId) {
        return find("orgId = ?1 and userId = ?2", orgId, userId).firstResultOptional();
    }

    public Optional<Wallet> findInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResultOptional();
    }

    /** The org's wallet {@code id}, locked for this transaction (a transfer request held to the policy). */
    public Optional<Wallet> lockInOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Ids of pending wallets whose next attempt is due. */
    public List<UUID> dueIds(Instant now, int limit) {
        return find("status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", Wallet.PENDING, now)
                .page(0, limit)
                .project(IdOnly.class)
                .list()
                .stream()
                .map(IdOnly::id)
                .toList();
    }

    /** The wallet, locked for this transaction, if it is still pending and due. */
    public Optional<Wallet> lockIfDue(UUID id, Instant now) {
        return find("id = ?1 and status = ?2 and nextAttemptAt <= ?3", id, Wallet.PENDING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public List<Wallet> byProviderIds(String orgId, Collection<String> providerWalletIds) {
        if (providerWalletIds.isEmpty()) {
            return List.of();
        }
        return list("orgId = ?1 and providerWalletId in ?2", orgId, providerWalletIds);
    }

    /** Projection of the id alone. */
    public record IdOnly(UUID id) {}
}
