package dev.attest.identity.repository;

import dev.attest.identity.HeldWalletLink;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class HeldWalletLinkRepository implements PanacheRepositoryBase<HeldWalletLink, HeldWalletLink.Key> {

    /** The wallets held for {@code userId}, in the order they came. */
    public List<HeldWalletLink> of(String orgId, String userId) {
        return list("orgId = ?1 and userId = ?2 order by receivedAt", orgId, userId);
    }
}
