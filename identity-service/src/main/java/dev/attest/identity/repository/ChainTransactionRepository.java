package dev.attest.identity.repository;

import dev.attest.identity.ChainTransaction;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ChainTransactionRepository implements PanacheRepositoryBase<ChainTransaction, UUID> {

    /** Transactions without a settled receipt, oldest nonce first. */
    public List<ChainTransaction> pending(String sender) {
        return list("sender = ?1 and status = ?2 order by nonce", sender, ChainTransaction.Status.PENDING);
    }

    /** The highest nonce this service ever signed for {@code sender}. */
    public Optional<Long> highestNonce(String sender) {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select max(t.nonce) from ChainTransaction t where t.sender = ?1", Long.class)
                .setParameter(1, sender)
                .getSingleResult());
    }
}
