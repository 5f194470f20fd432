package dev.attest.identity.repository;

import dev.attest.identity.SupersededTransaction;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SupersededTransactionRepository implements PanacheRepositoryBase<SupersededTransaction, String> {

    /** The earlier versions of a transaction, oldest first. */
    public List<SupersededTransaction> of(UUID transactionId) {
        return list("transactionId = ?1 order by signedAt", transactionId);
    }

    /** The earlier versions of any of {@code transactionIds}, oldest first. */
    public List<SupersededTransaction> ofAny(Collection<UUID> transactionIds) {
        return transactionIds.isEmpty() ? List.of() : list("transactionId in ?1 order by signedAt", transactionIds);
    }
}
